package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.audio.WavBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets one line on stderr naming the thing and the problem, a non-zero exit
 * status, and no stack trace.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private Path goodClip() throws Exception {
        return WavBytes.write(dir.resolve("good.wav"),
                WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {WavBytes.tone(500, 16000, 16000, 0.3)}));
    }

    private static void assertOneLineError(CliRun run, String expectedStart) {
        assertEquals(1, run.exitCode(), "exit status");
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), "one line on stderr: " + run.err());
        assertTrue(lines.get(0).startsWith("earshot: " + expectedStart), lines.get(0));
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(run.err().contains("Exception"), "no exception class names");
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("missing.wav");
        assertOneLineError(CliRun.of("classify", missing.toString()), missing + ": no such file");
    }

    @Test
    void anEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertOneLineError(CliRun.of("classify", empty.toString()), empty + ": empty file");
    }

    @Test
    void aTruncatedFile() throws Exception {
        byte[] whole = WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {new float[16000]});
        Path cut = WavBytes.write(dir.resolve("cut.wav"), Arrays.copyOf(whole, 1000));
        assertOneLineError(CliRun.of("classify", cut.toString()), cut + ": truncated");
    }

    @Test
    void aFileThatIsNotWav() throws Exception {
        Path text = Files.writeString(dir.resolve("readme.wav"), "hello");
        assertOneLineError(CliRun.of("classify", text.toString()), text + ": not a WAV file");
    }

    @Test
    void anUnsupportedFormat() throws Exception {
        Path mulaw = WavBytes.write(dir.resolve("mulaw.wav"), WavBytes.riff(WavBytes.MU_LAW, 8000, 8, 1, new byte[8000]));
        assertOneLineError(CliRun.of("classify", mulaw.toString()), mulaw + ": unsupported WAV");
    }

    @Test
    void aMissingModel() throws Exception {
        Path model = dir.resolve("none.onnx");
        assertOneLineError(CliRun.of("classify", "--model", model.toString(), goodClip().toString()),
                model + ": model file not found");
    }

    @Test
    void aWrongModel() throws Exception {
        Path model = Files.writeString(dir.resolve("fake.onnx"), "not a model");
        assertOneLineError(CliRun.of("classify", "--model", model.toString(), goodClip().toString()),
                model + ": not a loadable ONNX model");
    }

    @Test
    void aModelWithoutEarshotMetadata() throws Exception {
        Path model = Path.of(getClass().getResource("/model/no-metadata.onnx").toURI());
        assertOneLineError(CliRun.of("eval", "--model", model.toString(), dir.toString()),
                model + ": the ONNX model carries no Earshot metadata");
    }

    @Test
    void aBrokenConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("earshot.yaml"), "pins:\n  lamp: { bcm: 99 }\n");
        assertOneLineError(CliRun.of("run", "--config", config.toString(), "--input", goodClip().toString()),
                config.toString());
    }

    @Test
    void aConfigWithYamlSyntaxErrors() throws Exception {
        Path config = Files.writeString(dir.resolve("broken.yaml"), "pins: [unclosed\n");
        assertOneLineError(CliRun.of("run", "--config", config.toString(), "--input", goodClip().toString()),
                config.toString());
    }

    @Test
    void aMissingConfig() throws Exception {
        Path config = dir.resolve("absent.yaml");
        assertOneLineError(CliRun.of("run", "--config", config.toString(), "--input", goodClip().toString()),
                config.toString());
    }

    @Test
    void aMissingInputForRun() {
        Path missing = dir.resolve("nothing.wav");
        assertOneLineError(CliRun.of("run", "--input", missing.toString()), missing + ": no such file");
    }

    @Test
    void evalOnSomethingThatIsNotAFolder() throws Exception {
        Path file = goodClip();
        assertOneLineError(CliRun.of("eval", file.toString()), file + ": not a directory");
    }

    @Test
    void classifyReportsEachBadFileAndStillClassifiesTheGoodOnesInOrder() throws Exception {
        Path good = goodClip();
        Path missing = dir.resolve("missing.wav");
        Path text = Files.writeString(dir.resolve("text.wav"), "no");

        CliRun run = CliRun.of("classify", good.toString(), missing.toString(), good.toString(), text.toString());

        assertEquals(1, run.exitCode());
        assertEquals(2, run.outLines().size());
        assertTrue(run.outLines().stream().allMatch(l -> l.startsWith(good + "\t")));
        assertEquals(List.of("earshot: " + missing + ": no such file", "earshot: " + text + ": not a WAV file (no RIFF/WAVE header)"),
                run.errLines());
    }
}
