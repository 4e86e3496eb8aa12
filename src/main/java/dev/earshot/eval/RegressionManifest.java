package dev.earshot.eval;

import dev.earshot.EarshotException;
import dev.earshot.model.ModelMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A folder of recordings with known expected actions: {@code DIR/manifest.csv}.
 *
 * <pre>
 * file,expected,note
 * clips/on-1.wav,on,as recorded
 * clips/bed-2.wav,none,another word
 * long/stream-1.wav,stream,truth in long/stream-1.tsv
 * </pre>
 *
 * <p>{@code file} is relative to the manifest. {@code expected} is a command the model knows,
 * {@value #NONE} (silence or any other word: nothing must happen) or {@value #STREAM} (a long
 * recording whose expected detections are in the {@code .tsv} beside it, see {@link Truth}). The
 * {@code note} is free text (quote it if it holds a comma); a note starting with
 * {@value #KNOWN_MISS} marks a file the current model is known to get wrong. An optional
 * {@code DIR/floor.properties} sets the least accuracy allowed, see {@link Floor}.
 */
public record RegressionManifest(Path dir, List<Entry> entries, Optional<Floor> floor) {

    public static final String FILE_NAME = "manifest.csv";
    public static final String FLOOR_FILE = "floor.properties";
    public static final String FLOOR_KEY = "action_accuracy";
    public static final String STREAM_HITS_KEY = "stream_hit_rate";
    public static final String STREAM_FALSE_KEY = "stream_false_detections";
    public static final String NONE = "none";
    public static final String STREAM = "stream";
    public static final String KNOWN_MISS = "known_miss";

    /**
     * One row.
     *
     * @param file     as written in the manifest, relative to it
     * @param expected a command, {@value #NONE} or {@value #STREAM}
     * @param note     free text, possibly empty
     * @param path     the file itself
     * @param line     the row's line number in the manifest, for messages
     */
    public record Entry(String file, String expected, String note, Path path, int line) {

        public boolean isStream() {
            return STREAM.equals(expected);
        }

        public boolean knownMiss() {
            return note.startsWith(KNOWN_MISS);
        }

        /** The expected action of a clip: the command, or empty for {@value #NONE}. */
        public Optional<String> expectedCommand() {
            return NONE.equals(expected) || isStream() ? Optional.empty() : Optional.of(expected);
        }

        /** The truth file of a stream: the recording's name with {@code .tsv} instead of {@code .wav}. */
        public Path truthFile() {
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return path.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".tsv");
        }
    }

    /**
     * Reads {@code dir/manifest.csv} and checks every row against the files and the model's commands.
     *
     * @throws EarshotException one line naming the manifest (and row) and the problem
     */
    public static RegressionManifest read(Path dir, Collection<String> modelLabels) {
        if (!Files.isDirectory(dir)) {
            throw new EarshotException(dir + ": not a directory (expected a folder with a " + FILE_NAME + ")");
        }
        Path manifest = dir.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EarshotException(manifest + ": no such file (a regression folder needs a " + FILE_NAME
                    + " with the columns file,expected,note)");
        } catch (IOException e) {
            throw new EarshotException(manifest + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).startsWith("file,expected")) {
            throw new EarshotException(manifest + ":1: expected the header file,expected,note");
        }
        List<String> commands = modelLabels.stream().filter(ModelMetadata::isCommand).toList();
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = manifest + ":" + (i + 1) + ": ";
            List<String> fields = splitCsv(line, where);
            if (fields.size() < 2 || fields.size() > 3) {
                throw new EarshotException(where + "expected 2 or 3 fields (file,expected,note), found " + fields.size());
            }
            String file = fields.get(0).strip();
            String expected = fields.get(1).strip();
            String note = fields.size() > 2 ? fields.get(2).strip() : "";
            if (file.isEmpty()) {
                throw new EarshotException(where + "empty file name");
            }
            if (!expected.equals(NONE) && !expected.equals(STREAM) && !commands.contains(expected)) {
                throw new EarshotException(where + "expected '" + expected + "' is not a command of the model, "
                        + NONE + " or " + STREAM + " (commands: " + String.join(", ", commands) + ")");
            }
            Path path = dir.resolve(file).normalize();
            if (!Files.isRegularFile(path)) {
                throw new EarshotException(where + file + ": no such file");
            }
            Entry entry = new Entry(file, expected, note, path, i + 1);
            if (entry.isStream() && !Files.isRegularFile(entry.truthFile())) {
                throw new EarshotException(where + file + ": a stream needs its truth file " + dir.relativize(entry.truthFile()));
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new EarshotException(manifest + ": no files listed");
        }
        return new RegressionManifest(dir, List.copyOf(entries), readFloor(dir.resolve(FLOOR_FILE)));
    }

    /**
     * The least the model must achieve on a folder, from {@code floor.properties}; each key is optional.
     *
     * @param actionAccuracy        {@value #FLOOR_KEY}: least action accuracy over the clips, 0 to 1
     * @param streamHitRate         {@value #STREAM_HITS_KEY}: least share of the long recordings' commands
     *                              detected in time, 0 to 1
     * @param streamFalseDetections {@value #STREAM_FALSE_KEY}: most detections in the long recordings
     *                              that match no spoken command
     */
    public record Floor(Optional<Double> actionAccuracy, Optional<Double> streamHitRate, Optional<Integer> streamFalseDetections) {
    }

    private static Optional<Floor> readFloor(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new EarshotException(file + ": cannot read: " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (!List.of(FLOOR_KEY, STREAM_HITS_KEY, STREAM_FALSE_KEY).contains(key)) {
                throw new EarshotException(file + ": unknown key " + key + " (known: " + FLOOR_KEY + ", " + STREAM_HITS_KEY
                        + ", " + STREAM_FALSE_KEY + ")");
            }
        }
        Floor floor = new Floor(fraction(file, properties, FLOOR_KEY), fraction(file, properties, STREAM_HITS_KEY),
                count(file, properties, STREAM_FALSE_KEY));
        if (floor.actionAccuracy().isEmpty() && floor.streamHitRate().isEmpty() && floor.streamFalseDetections().isEmpty()) {
            throw new EarshotException(file + ": no " + FLOOR_KEY + " (e.g. " + FLOOR_KEY + "=0.93)");
        }
        return Optional.of(floor);
    }

    private static Optional<Double> fraction(Path file, Properties properties, String key) {
        return floorValue(file, properties, key, Double::parseDouble, v -> v >= 0 && v <= 1, "a number from 0 to 1");
    }

    private static Optional<Integer> count(Path file, Properties properties, String key) {
        return floorValue(file, properties, key, Integer::parseInt, v -> v >= 0, "a whole number, 0 or more");
    }

    /** An optional floor: absent when the key is, a clear error when its value does not parse or is out of range. */
    private static <T> Optional<T> floorValue(Path file, Properties properties, String key,
            Function<String, T> parse, Predicate<T> valid, String expected) {
        String value = properties.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        Supplier<EarshotException> invalid = () -> new EarshotException(file + ": " + key + " must be " + expected + ", not '" + value + "'");
        T parsed;
        try {
            parsed = parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw invalid.get();
        }
        if (!valid.test(parsed)) {
            throw invalid.get();
        }
        return Optional.of(parsed);
    }

    public List<Entry> clips() {
        return entries.stream().filter(e -> !e.isStream()).toList();
    }

    public List<Entry> streams() {
        return entries.stream().filter(Entry::isStream).toList();
    }

    /** Splits one CSV line: commas separate, double quotes enclose a field, "" is a quote inside one. */
    static List<String> splitCsv(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new EarshotException(where + "unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
