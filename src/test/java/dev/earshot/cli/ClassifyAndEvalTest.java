package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.audio.WavBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyAndEvalTest {

    @TempDir
    Path dir;

    private Path clip(String name, double hz) throws Exception {
        Files.createDirectories(dir.resolve(name).getParent());
        return WavBytes.write(dir.resolve(name), WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {WavBytes.tone(hz, 16000, 16000, 0.3)}));
    }

    @Test
    void classifyPrintsOneTabSeparatedLinePerFileInInputOrder() throws Exception {
        Path a = clip("b.wav", 300);
        Path b = clip("a.wav", 2000);
        Path c = clip("c.wav", 900);

        CliRun run = CliRun.of("classify", a.toString(), b.toString(), c.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size());
        List<Path> order = List.of(a, b, c);
        for (int i = 0; i < 3; i++) {
            String[] fields = lines.get(i).split("\t", -1);
            assertEquals(3, fields.length, lines.get(i));
            assertEquals(order.get(i).toString(), fields[0]);
            assertTrue(List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "_silence_", "_unknown_")
                    .contains(fields[1]), fields[1]);
            double confidence = Double.parseDouble(fields[2]);
            assertTrue(confidence >= 0 && confidence <= 1, fields[2]);
        }
    }

    @Test
    void evalPrintsPerLabelAccuracyTheConfusionMatrixAndBothAccuracies() throws Exception {
        clip("on/x_nohash_0.wav", 300);
        clip("off/y_nohash_0.wav", 600);
        clip("bed/z_nohash_0.wav", 900);
        Path tiny = Path.of(getClass().getResource("/model/tiny.onnx").toURI());

        CliRun run = CliRun.of("eval", "--model", tiny.toString(), dir.toString());

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("per-label accuracy"), out);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("on ") && l.contains("(")), out);
        assertTrue(out.contains("confusion matrix (rows: true label, columns: predicted):"), out);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("_unknown_") && l.trim().split("\\s+").length == 13),
                "the word 'bed' counts as _unknown_ and has a row of 12 counts:\n" + out);
        assertTrue(out.contains("clips: 3"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("label accuracy \\(12-class\\): \\d+\\.\\d\\d%")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("action accuracy: \\d+\\.\\d\\d%  \\(misses \\d+, wrong commands \\d+, false actions \\d+\\)")), out);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("classify", "eval", "run", "stream", "stream-eval", "devices", "export-features")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().startsWith("Usage: earshot " + command), run.out());
        }
    }
}
