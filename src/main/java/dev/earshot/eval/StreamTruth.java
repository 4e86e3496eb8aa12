package dev.earshot.eval;

import dev.earshot.EarshotException;
import dev.earshot.model.ModelMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The words spoken in a composed recording, as {@code scripts/compose_stream.py} writes them:
 * a TSV with the header {@code start_s end_s label [clip]} and one row per word. Read by
 * {@code stream-eval} and by the regression set's long recordings.
 */
public final class StreamTruth {

    /** One spoken word, from {@code start} to {@code end} seconds; {@code label} is a command, or {@code _unknown_} for any other word. */
    public record Word(double start, double end, String label) {
        public boolean isCommand() {
            return ModelMetadata.isCommand(label);
        }
    }

    private StreamTruth() {
    }

    public static List<Word> read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EarshotException(tsv + ": cannot read truth file: " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("start_s\tend_s\tlabel")) {
            throw new EarshotException(tsv + ":1: expected the header start_s<TAB>end_s<TAB>label");
        }
        List<Word> words = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t");
            try {
                Word word = new Word(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2].strip());
                if (word.end() < word.start()) {
                    throw new IllegalArgumentException();
                }
                words.add(word);
            } catch (RuntimeException e) {
                throw new EarshotException(tsv + ":" + (i + 1) + ": expected start_s, end_s (seconds, end after start) and a label");
            }
        }
        return List.copyOf(words);
    }
}
