package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot export-posteriors}: the teachers' soft targets for train.py, and their shape as JSON. */
class ExportPosteriorsCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRowOfLabelsPerWindowAndPrintsTheShape() throws Exception {
        Path features = Files.write(dir.resolve("train.f32"), new byte[3 * 49 * 20 * Float.BYTES]);
        Path out = dir.resolve("teacher.f32");
        Path tiny = Path.of(getClass().getResource("/model/tiny.onnx").toURI());

        CliRun run = CliRun.of("export-posteriors", "--features", features.toString(), "--out", out.toString(),
                tiny.toString(), tiny.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("{\"windows\":3,\"teachers\":2,\"labels\":[\"yes\",\"no\",\"up\",\"down\",\"left\",\"right\","
                + "\"on\",\"off\",\"stop\",\"go\",\"_silence_\",\"_unknown_\"]}"), run.outLines());
        assertEquals(3 * 12 * Float.BYTES, Files.size(out));
    }

    @Test
    void aMissingTeacherIsOneLineAndNoOutput() throws Exception {
        Path features = Files.write(dir.resolve("train.f32"), new byte[49 * 20 * Float.BYTES]);
        Path gone = dir.resolve("gone.onnx");

        CliRun run = CliRun.of("export-posteriors", "--features", features.toString(), "--out", dir.resolve("t.f32").toString(),
                gone.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("earshot: " + gone + ": model file not found"), run.errLines());
        assertFalse(Files.exists(dir.resolve("t.f32")));
    }
}
