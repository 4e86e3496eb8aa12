package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
}
