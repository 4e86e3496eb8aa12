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
        List<String> streamed = CliRun.of("stream", wav.toString()).outLines().stream()
                .map(l -> l.split("\t")).map(f -> String.format(Locale.ROOT, "%.2f %s %.2f",
                        Double.parseDouble(f[0]), f[1], Double.parseDouble(f[2])))
                .toList();
        List<String> ran = RunDemoTest.detections(CliRun.of("run", "--input", wav.toString())).stream()
                .map(d -> d[0] + " " + d[2] + " " + d[3].replaceAll("[()]", "")).toList();
        assertEquals(streamed, ran);
    }
}
