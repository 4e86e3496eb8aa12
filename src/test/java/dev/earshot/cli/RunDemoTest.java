package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import dev.earshot.config.Action;
import dev.earshot.config.ActionSpec;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.PinLevel;
import dev.earshot.config.PinSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over real recordings: the bundled demo (speakers never used in training, over
 * background noise) through WAV → MFCC → ONNX → detector → mock GPIO, as {@code run --demo} does it.
 */
class RunDemoTest {

    record Word(double start, double end, String label) {
    }

    static List<Word> demoTruth() throws IOException {
        try (InputStream in = RunDemoTest.class.getResourceAsStream(RunCommand.DEMO.replace(".wav", ".tsv"))) {
            List<Word> words = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                String[] f = line.split("\t");
                words.add(new Word(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2]));
            }
            return words;
        }
    }

    /** Detection lines look like "    1.23 s  on (0.97)". */
    static List<String[]> detections(CliRun run) {
        return run.outLines().stream().filter(l -> l.matches("\\s*\\d+\\.\\d\\d s  \\S+ \\(\\d\\.\\d\\d\\)"))
                .map(l -> l.trim().split("\\s+")).toList();
    }

    @Test
    void theDemoHearsItsSpokenCommandsInTimeAndFiresOnlyNearWords() throws Exception {
        CliRun run = CliRun.of("run", "--demo");
        assertEquals(0, run.exitCode(), run.err());

        List<Word> words = demoTruth();
        List<Word> commands = words.stream().filter(w -> !w.label().startsWith("_")).toList();
        List<String[]> heard = detections(run);
        int inTime = 0;
        for (Word word : commands) {
            boolean hit = heard.stream().anyMatch(d -> d[2].equals(word.label())
                    && Double.parseDouble(d[0]) >= word.start() && Double.parseDouble(d[0]) <= word.end() + 1.0);
            inTime += hit ? 1 : 0;
        }
        // The shipped model hears about two thirds of the commands on the test streams
        // (models/README.md) and 4 of these 5 (all but go): one command of margin, as the
        // regression floor keeps.
        assertTrue(inTime >= 3, inTime + " of " + commands.size() + " commands heard in time:\n" + run.out());
        for (String[] d : heard) {
            double time = Double.parseDouble(d[0]);
            assertTrue(words.stream().anyMatch(w -> time >= w.start() && time <= w.end() + 1.0),
                    "detection at " + time + " s is near no spoken word:\n" + run.out());
        }
    }

    @Test
    void everyDetectionSwitchesThePinsTheDefaultConfigMapsItTo() {
        CliRun run = CliRun.of("run", "--demo");
        EarshotConfig config = ConfigLoader.loadDefault();
        Map<String, Boolean> high = new HashMap<>();
        config.pins().forEach((name, pin) -> high.put(name, pin.initial() == PinLevel.HIGH));
        List<String> expected = new ArrayList<>();
        for (String[] detection : detections(run)) {
            for (ActionSpec action : config.commands().getOrDefault(detection[2], List.of())) {
                boolean before = high.get(action.pin());
                boolean after = switch (action.action()) {
                    case ON, PULSE -> true;
                    case OFF -> false;
                    case TOGGLE -> !before;
                };
                if (after != before) {
                    PinSpec pin = config.pins().get(action.pin());
                    expected.add("GPIO " + pin.bcm() + " (" + pin.name() + ") -> " + (after ? "HIGH" : "LOW"));
                }
                // a pulse ends on its own after its ms; its LOW line comes whenever that is
                high.put(action.pin(), action.action() != Action.PULSE && after);
            }
        }
        // On exit every pin goes to its shutdown level, and that change is printed too.
        config.pins().forEach((name, pin) -> {
            if (high.get(name) != (pin.shutdown() == PinLevel.HIGH)) {
                expected.add("GPIO " + pin.bcm() + " (" + name + ") -> " + (pin.shutdown() == PinLevel.HIGH ? "HIGH" : "LOW"));
            }
        });
        List<String> printed = run.outLines().stream().map(String::trim).filter(l -> l.startsWith("GPIO")).toList();
        List<String> pulseEnds = config.commands().values().stream().flatMap(List::stream)
                .filter(a -> a.action() == Action.PULSE).map(a -> config.pins().get(a.pin()))
                .map(p -> "GPIO " + p.bcm() + " (" + p.name() + ") -> LOW").distinct().toList();
        List<String> withoutPulseEnds = new ArrayList<>(printed);
        for (String end : pulseEnds) {
            if (expected.stream().noneMatch(e -> e.equals(end))) {
                withoutPulseEnds.removeIf(end::equals);
            }
        }
        assertTrue(!expected.isEmpty(), "the demo switches something:\n" + run.out());
        assertEquals(expected, withoutPulseEnds, run.out());
    }

    @Test
    void rawPcmOnStandardInputGivesTheSameDetectionsAsTheWavFileAtTheSameTimes(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("demo.wav");
        try (InputStream in = getClass().getResourceAsStream(RunCommand.DEMO)) {
            Files.write(wav, in.readAllBytes());
        }
        byte[] bytes = Files.readAllBytes(wav);
        byte[] pcm = Arrays.copyOfRange(bytes, 44, bytes.length);

        CliRun fromFile = CliRun.of("run", "--input", wav.toString());
        InputStream stdin = System.in;
        CliRun fromPipe;
        try {
            System.setIn(new ByteArrayInputStream(pcm));
            fromPipe = CliRun.of("run", "--input", "-");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, fromPipe.exitCode(), fromPipe.err());
        // Live input goes through a DC-blocking filter, so confidences may differ in the last digit.
        assertEquals(detections(fromFile).stream().map(d -> d[0] + " " + d[2]).toList(),
                detections(fromPipe).stream().map(d -> d[0] + " " + d[2]).toList());
        assertTrue(!detections(fromFile).isEmpty());
    }
}
