package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavReaderTest {

    @TempDir
    Path dir;

    @Test
    void sixteenKilohertzMonoSixteenBitIsReadAsIs() throws Exception {
        float[] tone = WavBytes.tone(440, 16000, 1600, 0.5);
        Path file = WavBytes.write(dir.resolve("a.wav"), WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {tone}));

        float[] samples = WavReader.read(file);

        assertEquals(1600, samples.length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(tone[i], samples[i], 1.0 / 32767, "sample " + i);
        }
    }

    @ParameterizedTest(name = "{0}-bit, format tag {1}")
    @CsvSource({"8, 1", "24, 1", "32, 1", "32, 3", "64, 3"})
    void otherSampleWidthsBecomeTheSameSamples(int bits, int formatTag) throws Exception {
        float[] tone = WavBytes.tone(300, 16000, 800, 0.5);
        Path file = WavBytes.write(dir.resolve("w.wav"), WavBytes.wav(formatTag, 16000, bits, new float[][] {tone}));

        float[] samples = WavReader.read(file);

        double tolerance = bits == 8 ? 1.0 / 100 : 1e-4;
        assertEquals(800, samples.length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(tone[i], samples[i], tolerance, "sample " + i);
        }
    }

    @Test
    void stereoChannelsAreAveraged() throws Exception {
        float[] left = new float[100];
        float[] right = new float[100];
        Arrays.fill(left, 0.5f);
        Arrays.fill(right, -0.1f);
        Path file = WavBytes.write(dir.resolve("s.wav"), WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {left, right}));

        float[] samples = WavReader.read(file);

        assertEquals(100, samples.length);
        assertEquals(0.2f, samples[50], 1e-3);
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"8000", "22050", "44100", "48000"})
    void otherRatesAreConvertedToSixteenKilohertzKeepingPitchAndLength(int rate) throws Exception {
        float[] tone = WavBytes.tone(1000, rate, rate / 2, 0.5);
        Path file = WavBytes.write(dir.resolve("r.wav"), WavBytes.wav(WavBytes.PCM, rate, 16, new float[][] {tone}));

        float[] samples = WavReader.read(file);

        assertEquals(8000, samples.length, 1);
        // A 1 kHz tone at 16 kHz crosses zero 2000 times a second; count in the middle, away from filter edges.
        int crossings = 0;
        for (int i = 2001; i < 6000; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        assertEquals(500, crossings, 2);
        float peak = 0;
        for (int i = 2000; i < 6000; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        assertEquals(0.5, peak, 0.03);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.wav");
        assertMessage(missing, missing + ": no such file");
    }

    @Test
    void anEmptyFileIsNamed() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertMessage(empty, empty + ": empty file");
    }

    @Test
    void aFileThatIsNotWavIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are not samples, just text\n");
        assertMessage(text, text + ": not a WAV file (no RIFF/WAVE header)");
    }

    @Test
    void aTruncatedFileIsRefusedWithTheFrameCounts() throws Exception {
        byte[] whole = WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {new float[1000]});
        Path cut = WavBytes.write(dir.resolve("cut.wav"), Arrays.copyOf(whole, 44 + 600));
        assertMessage(cut, cut + ": truncated: the header announces 1000 frames, the file holds 300");
    }

    @Test
    void anUnsupportedEncodingIsRefused() throws Exception {
        Path mulaw = WavBytes.write(dir.resolve("mulaw.wav"), WavBytes.riff(WavBytes.MU_LAW, 8000, 8, 1, new byte[800]));
        EarshotException e = assertThrows(EarshotException.class, () -> WavReader.read(mulaw));
        assertTrue(e.getMessage().startsWith(mulaw + ": unsupported WAV"), e.getMessage());
    }

    @Test
    void aWavWithoutSamplesIsRefused() throws Exception {
        Path none = WavBytes.write(dir.resolve("none.wav"), WavBytes.riff(WavBytes.PCM, 16000, 16, 1, new byte[0]));
        assertMessage(none, none + ": holds no audio samples");
    }

    @Test
    void aDirectoryIsRefused() {
        assertMessage(dir, dir + ": is a directory, not a WAV file");
    }

    private static void assertMessage(Path file, String expected) {
        EarshotException e = assertThrows(EarshotException.class, () -> WavReader.read(file));
        assertEquals(expected, e.getMessage());
    }
}
