package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.eval.StreamTruth;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCommandTest {

    @TempDir
    Path dir;

    private Path demo() throws Exception {
        Path wav = dir.resolve("demo.wav");
        try (InputStream in = getClass().getResourceAsStream(RunCommand.DEMO)) {
            Files.write(wav, in.readAllBytes());
        }
        return wav;
    }

    @Test
    void streamPrintsOneTabSeparatedLinePerDetectionInTimeOrder() throws Exception {
        CliRun run = CliRun.of("stream", demo().toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertFalse(lines.isEmpty());
        double last = -1;
        for (String line : lines) {
            assertTrue(line.matches("\\d+\\.\\d{3}\\t(yes|no|up|down|left|right|on|off|stop|go)\\t[01]\\.\\d{4}"), line);
            double time = Double.parseDouble(line.split("\t")[0]);
            assertTrue(time > last, "time order: " + lines);
            last = time;
        }
    }

    @Test
    void runOnTheSameFileGivesTheSameDetections() throws Exception {
        Path wav = demo();
        List<String[]> streamed = CliRun.of("stream", wav.toString()).outLines().stream().map(l -> l.split("\t")).toList();
        List<String[]> ran = RunDemoTest.detections(CliRun.of("run", "--input", wav.toString()));

        assertFalse(streamed.isEmpty());
        assertEquals(streamed.size(), ran.size(), "detections of stream and run");
        for (int i = 0; i < streamed.size(); i++) {
            String[] s = streamed.get(i);
            String[] r = ran.get(i);
            assertEquals(String.format(Locale.ROOT, "%.2f %s", Double.parseDouble(s[0]), s[1]), r[0] + " " + r[2]);
            // run prints the confidence to two places, stream to four: rounding the printed four
            // again can land a hundredth away (0.95499 prints 0.9550, then 0.96; run prints 0.95).
            double streamConfidence = Double.parseDouble(s[2]);
            double runConfidence = Double.parseDouble(r[3].replaceAll("[()]", ""));
            assertEquals(streamConfidence, runConfidence, 0.00501, "confidence of detection " + i);
        }
    }

    @Test
    void streamEvalHitsTheCommandsThatStreamDetectsInTheirWordsWindow() throws Exception {
        Path wav = demo();
        Path truth = dir.resolve("demo.tsv");
        try (InputStream in = getClass().getResourceAsStream(RunCommand.DEMO.replace(".wav", ".tsv"))) {
            Files.write(truth, in.readAllBytes());
        }
        List<String[]> detections = CliRun.of("stream", wav.toString()).outLines().stream().map(l -> l.split("\t")).toList();
        int commands = 0;
        int expectedHits = 0;
        for (StreamTruth.Word word : StreamTruth.read(truth)) {
            if (word.isCommand()) {
                commands++;
                boolean detected = detections.stream().anyMatch(d -> d[1].equals(word.label())
                        && Double.parseDouble(d[0]) >= word.start() && Double.parseDouble(d[0]) <= word.end() + 1.0);
                expectedHits += detected ? 1 : 0;
            }
        }

        CliRun run = CliRun.of("stream-eval", dir.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(commands + " spoken commands"), run.out());
        Matcher hitLine = Pattern.compile("hit rate: [\\d.]+%  \\(hits (\\d+), wrong commands (\\d+) = [\\d.]+%, misses (\\d+)\\)")
                .matcher(run.out());
        assertTrue(hitLine.find(), run.out());
        assertEquals(expectedHits, Integer.parseInt(hitLine.group(1)), "the commands stream detects in their words' windows");
        assertEquals(commands, Integer.parseInt(hitLine.group(1)) + Integer.parseInt(hitLine.group(2)) + Integer.parseInt(hitLine.group(3)));
    }

    @Test
    void streamEvalRefusesARecordingWithoutItsTruthFileInOneLine() throws Exception {
        demo();

        CliRun run = CliRun.of("stream-eval", dir.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("earshot: " + dir.resolve("demo.wav") + ": no truth file beside it (.tsv)"), run.errLines());
    }
}
