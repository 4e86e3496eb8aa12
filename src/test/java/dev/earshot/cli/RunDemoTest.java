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
    void theDemoDetectsEachSpokenCommandInTimeAndNothingElse() throws Exception {
        CliRun run = CliRun.of("run", "--demo");
        assertEquals(0, run.exitCode(), run.err());

        List<Word> commands = demoTruth().stream().filter(w -> !w.label().startsWith("_")).toList();
        List<String[]> heard = detections(run);
        assertEquals(commands.stream().map(Word::label).toList(), heard.stream().map(d -> d[2]).toList(),
                "commands heard, in order:\n" + run.out());
        for (int i = 0; i < commands.size(); i++) {
            double time = Double.parseDouble(heard.get(i)[0]);
            Word word = commands.get(i);
            assertTrue(time >= word.start() && time <= word.end() + 1.0,
                    word.label() + " spoken " + word.start() + "-" + word.end() + " s, detected at " + time + " s");
        }
    }

    @Test
    void theDemoSwitchesThePinsTheDefaultConfigMapsItsCommandsTo() {
        CliRun run = CliRun.of("run", "--demo");
        List<String> gpio = run.outLines().stream().map(String::trim).filter(l -> l.startsWith("GPIO")).toList();
        // on → lamp high; off → lamp low; stop → lamp and fan already low, no change; go → buzzer pulse; on → lamp high
        assertEquals(List.of(
                "GPIO 17 (lamp) -> HIGH",
                "GPIO 17 (lamp) -> LOW",
                "GPIO 22 (buzzer) -> HIGH",
                "GPIO 17 (lamp) -> HIGH"), gpio.stream().filter(l -> !l.equals("GPIO 22 (buzzer) -> LOW")).toList(), run.out());
        assertTrue(gpio.indexOf("GPIO 22 (buzzer) -> HIGH") >= 0);
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
