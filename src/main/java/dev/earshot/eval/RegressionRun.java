package dev.earshot.eval;

import dev.earshot.EarshotException;
import dev.earshot.audio.ClipSource;
import dev.earshot.audio.WavReader;
import dev.earshot.config.Action;
import dev.earshot.config.ActionSpec;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.PinSpec;
import dev.earshot.detect.Classification;
import dev.earshot.detect.Detection;
import dev.earshot.eval.RegressionManifest.Entry;
import dev.earshot.eval.StreamTruth.Word;
import dev.earshot.gpio.CommandResponder;
import dev.earshot.gpio.Outputs;
import dev.earshot.gpio.Pi4jOutputs;
import dev.earshot.model.CommandModel;
import dev.earshot.model.ModelMetadata;
import dev.earshot.service.ClipRecognizer;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs recordings with known expected actions through the whole pipeline, as the appliance would:
 * WAV → MFCC → ONNX → detector → GPIO (Pi4J's mock, one board for the run, every pin back at its
 * initial level before each file), and says per file whether what happened is what
 * should have. The JUnit regression suite and {@code earshot regress DIR} both use this class, so the
 * check a user runs on their own recordings is the project's own.
 *
 * <p>A one-second clip passes when its action (the recognised label if it is a command, else none)
 * is the expected one <em>and</em> the pins, starting from their {@code initial} levels, end at the
 * levels the config's mapping gives for the expected command. A long recording passes when every
 * expected command is detected once, in its window ({@link #TIMELINE_TOLERANCE_S}), nothing else is
 * detected, and the pins end where the expected commands, in order, put them.
 *
 * <p>Pulses are held for the check: a pulse counts as "high" right after its command, whatever its
 * length, so that the verdict does not depend on how fast the checking thread reads the pins.
 */
public final class RegressionRun implements AutoCloseable {

    /** A detection may come this long after the end of the spoken word (the window and smoothing lag). */
    public static final double TIMELINE_TOLERANCE_S = 1.0;

    private static final long HELD_PULSE_MS = 3_600_000;

    public enum Status {
        PASS, FAIL,
        /**
         * Wrong on a file whose note marks it {@value RegressionManifest#KNOWN_MISS}: for a clip, a wrong
         * action while the pins still followed the action taken; for a long recording, any difference.
         */
        KNOWN_MISS
    }

    /**
     * What happened to one file.
     *
     * @param entry    the manifest row
     * @param expected what should have happened: the expected action of a clip; for a stream the
     *                 expected commands with their spoken times, e.g. {@code on@0.71-0.97 off@8.36-8.57}
     * @param actual   the action taken ({@value RegressionManifest#NONE} or a command); for a stream the
     *                 commands detected with their times, e.g. {@code on@1.90 off@9.80}
     * @param label    a clip's recognised label (a command, {@code _silence_}, {@code _unknown_}); empty for a stream
     * @param status   the verdict
     * @param problems what was wrong, one phrase each; empty when it passed
     * @param timeline for a long recording, its counts of commands, hits and unexpected detections
     */
    public record Result(Entry entry, String expected, String actual, String label, Status status, List<String> problems,
            Optional<Timeline> timeline) {

        public boolean failed() {
            return status == Status.FAIL;
        }

        /** For a failure message: names the file, what was expected and what happened. */
        public String describe() {
            String head = entry.file() + ": expected " + expected + ", actual " + actual;
            return problems.isEmpty() ? head : head + " (" + String.join("; ", problems) + ")";
        }
    }

    /**
     * How a long recording was heard.
     *
     * @param commands   commands in its truth file
     * @param hits       of those, detected in time
     * @param unexpected detections that match no spoken command
     */
    public record Timeline(int commands, int hits, int unexpected) {
    }

    /** All results of one manifest, and the clips' action accuracy. */
    public record Report(RegressionManifest manifest, List<Result> results, Scoreboard clipScores) {

        public long passed() {
            return results.stream().filter(r -> r.status() == Status.PASS).count();
        }

        public long failed() {
            return results.stream().filter(Result::failed).count();
        }

        public long knownMisses() {
            return results.stream().filter(r -> r.status() == Status.KNOWN_MISS).count();
        }

        public Scoreboard.ActionTally actions() {
            return clipScores.actions();
        }

        /** The long recordings' counts added up. */
        public Timeline timelines() {
            int commands = 0;
            int hits = 0;
            int unexpected = 0;
            for (Result r : results) {
                if (r.timeline().isPresent()) {
                    commands += r.timeline().get().commands();
                    hits += r.timeline().get().hits();
                    unexpected += r.timeline().get().unexpected();
                }
            }
            return new Timeline(commands, hits, unexpected);
        }

        /** What falls short of the manifest's floor, one phrase each; empty without a floor or when it is met. */
        public List<String> belowFloor() {
            List<String> shortfalls = new ArrayList<>();
            if (manifest.floor().isEmpty()) {
                return shortfalls;
            }
            RegressionManifest.Floor floor = manifest.floor().get();
            if (floor.actionAccuracy().isPresent() && clipScores.total() > 0 && actions().accuracy() < floor.actionAccuracy().get()) {
                shortfalls.add(String.format(Locale.ROOT, "action accuracy %.2f%% is below %s %.2f%%", 100 * actions().accuracy(),
                        RegressionManifest.FLOOR_KEY, 100 * floor.actionAccuracy().get()));
            }
            Timeline t = timelines();
            if (floor.streamHitRate().isPresent() && t.commands() > 0 && t.hits() < floor.streamHitRate().get() * t.commands()) {
                shortfalls.add(String.format(Locale.ROOT, "%d of %d commands in the long recordings detected in time, below %s %.2f",
                        t.hits(), t.commands(), RegressionManifest.STREAM_HITS_KEY, floor.streamHitRate().get()));
            }
            if (floor.streamFalseDetections().isPresent() && t.unexpected() > floor.streamFalseDetections().get()) {
                shortfalls.add(String.format(Locale.ROOT, "%d unexpected detections in the long recordings, more than %s %d",
                        t.unexpected(), RegressionManifest.STREAM_FALSE_KEY, floor.streamFalseDetections().get()));
            }
            return shortfalls;
        }

        /** No file failed and the accuracy is not under the floor. */
        public boolean ok() {
            return failed() == 0 && belowFloor().isEmpty();
        }
    }

    private final CommandModel model;
    private final EarshotConfig config;
    private final Map<String, List<ActionSpec>> heldCommands;
    private final ClipRecognizer recognizer;
    private final Listening listening;
    private Pi4jOutputs board;

    public RegressionRun(CommandModel model, EarshotConfig config) {
        config.requireCommandsKnown(model.metadata().labels());
        this.model = model;
        this.config = config;
        Map<String, List<ActionSpec>> held = new LinkedHashMap<>();
        config.commands().forEach((word, actions) -> held.put(word, actions.stream()
                .map(a -> a.action() == Action.PULSE ? new ActionSpec(a.pin(), Action.PULSE, HELD_PULSE_MS) : a)
                .toList()));
        this.heldCommands = held;
        this.recognizer = new ClipRecognizer(model);
        this.listening = Listening.forConfig(model, config.detection());
    }

    public List<String> labels() {
        return model.metadata().labels();
    }

    /** Checks every file of the manifest in order, telling {@code progress} about each result. */
    public Report run(RegressionManifest manifest, Consumer<Result> progress) {
        List<Result> results = new ArrayList<>();
        Scoreboard scores = new Scoreboard(labels());
        for (Entry entry : manifest.entries()) {
            Result result = check(entry);
            if (!entry.isStream()) {
                score(scores, entry, result);
            }
            results.add(result);
            progress.accept(result);
        }
        return new Report(manifest, List.copyOf(results), scores);
    }

    /** Adds a clip's result to a tally of actions (expected none counts as {@code _unknown_}). */
    public static void score(Scoreboard scores, Entry entry, Result result) {
        scores.add(entry.expectedCommand().orElse(ModelMetadata.UNKNOWN), result.label());
    }

    public Result check(Entry entry) {
        return entry.isStream() ? checkStream(entry) : checkClip(entry);
    }

    /** One clip: classify it, act on it, compare action and pins with the expectation. */
    public Result checkClip(Entry entry) {
        Classification verdict = recognizer.classify(entry.path());
        Optional<String> action = ModelMetadata.isCommand(verdict.label()) ? Optional.of(verdict.label()) : Optional.empty();
        Map<String, Boolean> pins = drive(action.stream().toList());
        String actual = action.orElse(RegressionManifest.NONE);
        String shown = String.format(Locale.ROOT, "%s (%s %.2f)", actual, verdict.label(), verdict.confidence());

        List<String> problems = new ArrayList<>();
        boolean wiringOk = pins.equals(levelsAfter(action.stream().toList()));
        if (!wiringOk) {
            problems.add("pins " + describe(pins) + " do not follow the mapping of " + actual
                    + ", which gives " + describe(levelsAfter(action.stream().toList())));
        }
        boolean actionOk = action.equals(entry.expectedCommand());
        Map<String, Boolean> wanted = levelsAfter(entry.expectedCommand().stream().toList());
        if (!pins.equals(wanted)) {
            problems.add("pins " + describe(pins) + ", expected " + describe(wanted));
        }
        Status status;
        if (actionOk && problems.isEmpty()) {
            status = Status.PASS;
            if (entry.knownMiss()) {
                problems.add("marked " + RegressionManifest.KNOWN_MISS + " but now right: remove the mark");
            }
        } else if (!actionOk && wiringOk && entry.knownMiss()) {
            status = Status.KNOWN_MISS;
        } else {
            status = Status.FAIL;
        }
        return new Result(entry, entry.expected(), shown, verdict.label(), status, List.copyOf(problems), Optional.empty());
    }

    /** A long recording: listen to it as the service does, and compare the detections with its truth file. */
    public Result checkStream(Entry entry) {
        List<Word> truth = StreamTruth.read(entry.truthFile());
        List<Detection> heard = new ArrayList<>();
        try {
            listening.run(new ClipSource(WavReader.read(entry.path()), entry.file()), null, heard::add);
        } catch (IOException e) {
            throw new EarshotException(entry.file() + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<Word> commands = truth.stream().filter(Word::isCommand).toList();
        boolean[] used = new boolean[heard.size()];
        int hits = 0;
        int unexpected = 0;
        for (Word word : commands) {
            int match = -1;
            for (int i = 0; i < heard.size() && match < 0; i++) {
                Detection d = heard.get(i);
                if (!used[i] && d.command().equals(word.label()) && d.timeSeconds() >= word.start()
                        && d.timeSeconds() <= word.end() + TIMELINE_TOLERANCE_S) {
                    match = i;
                }
            }
            if (match < 0) {
                problems.add(String.format(Locale.ROOT, "missed %s spoken at %.2f-%.2f s", word.label(), word.start(), word.end()));
            } else {
                used[match] = true;
                hits++;
            }
        }
        for (int i = 0; i < heard.size(); i++) {
            if (!used[i]) {
                unexpected++;
                Detection d = heard.get(i);
                String spoken = truth.stream()
                        .filter(w -> d.timeSeconds() >= w.start() && d.timeSeconds() <= w.end() + TIMELINE_TOLERANCE_S)
                        .map(w -> " (while " + w.label() + " was spoken)").findFirst().orElse("");
                problems.add(String.format(Locale.ROOT, "unexpected %s at %.2f s%s", d.command(), d.timeSeconds(), spoken));
            }
        }
        List<String> actions = heard.stream().map(Detection::command).toList();
        Map<String, Boolean> pins = drive(actions);
        Map<String, Boolean> wanted = levelsAfter(commands.stream().map(Word::label).toList());
        if (!pins.equals(wanted)) {
            problems.add("pins end " + describe(pins) + ", expected " + describe(wanted));
        }
        String actual = heard.isEmpty() ? "nothing" : heard.stream()
                .map(d -> String.format(Locale.ROOT, "%s@%.2f", d.command(), d.timeSeconds()))
                .collect(Collectors.joining(" "));
        String expected = commands.isEmpty() ? "nothing" : commands.stream()
                .map(w -> String.format(Locale.ROOT, "%s@%.2f-%.2f", w.label(), w.start(), w.end()))
                .collect(Collectors.joining(" "));
        Status status = problems.isEmpty() ? Status.PASS : entry.knownMiss() ? Status.KNOWN_MISS : Status.FAIL;
        if (status == Status.PASS && entry.knownMiss()) {
            problems.add("marked " + RegressionManifest.KNOWN_MISS + " but now right: remove the mark");
        }
        Timeline timeline = new Timeline(commands.size(), hits, unexpected);
        return new Result(entry, expected, actual, "", status, List.copyOf(problems), Optional.of(timeline));
    }

    /**
     * Drives the mock outputs, every pin first put back to its initial level, through a fresh
     * responder with the given commands, in order, and reads the pins back.
     */
    Map<String, Boolean> drive(List<String> commands) {
        if (board == null) {
            board = Pi4jOutputs.openMock(config.pins());
        }
        config.pins().values().forEach(pin -> board.set(pin.name(), pin.initial().isHigh()));
        // The responder owns what it is given and closes it; this view keeps the board open for the next file.
        Outputs view = new Outputs() {
            @Override
            public void set(String pin, boolean high) {
                board.set(pin, high);
            }

            @Override
            public boolean isHigh(String pin) {
                return board.isHigh(pin);
            }

            @Override
            public void close() {
            }
        };
        try (CommandResponder responder = new CommandResponder(config.pins(), heldCommands, view, change -> { })) {
            commands.forEach(responder::respond);
            Map<String, Boolean> levels = new LinkedHashMap<>();
            config.pins().keySet().forEach(pin -> levels.put(pin, board.isHigh(pin)));
            return levels;
        }
    }

    /** Closes the mock GPIO board. */
    @Override
    public void close() {
        if (board != null) {
            board.close();
            board = null;
        }
    }

    /**
     * The levels the config's mapping gives after {@code commands}, worked out from the config alone
     * (not through the responder), so that a broken responder cannot agree with itself.
     */
    public Map<String, Boolean> levelsAfter(List<String> commands) {
        Map<String, Boolean> levels = new LinkedHashMap<>();
        for (PinSpec pin : config.pins().values()) {
            levels.put(pin.name(), pin.initial().isHigh());
        }
        for (String command : commands) {
            for (ActionSpec action : config.commands().getOrDefault(command, List.of())) {
                levels.put(action.pin(), switch (action.action()) {
                    case ON, PULSE -> true;
                    case OFF -> false;
                    case TOGGLE -> !levels.get(action.pin());
                });
            }
        }
        return levels;
    }

    private static String describe(Map<String, Boolean> levels) {
        return levels.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() ? "high" : "low"))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
