package dev.earshot.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.tarsos.dsp.mfcc.MFCC;
import dev.earshot.audio.WavReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MFCC front end against values computed independently with numpy (make_reference.py beside the fixture). */
class FixedMfccTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FixedMfccTest.class.getResource("/features/" + name).toURI());
    }

    @Test
    void matchesTheNumpyReferenceFrameByFrame() throws Exception {
        float[] samples = WavReader.read(resource("mfcc-input.wav"));
        float[][] frames = MfccStream.framesOf(samples, FeatureSettings.DEFAULT);
        List<String> rows = Files.readAllLines(resource("mfcc-reference.csv"));

        assertEquals(rows.size(), frames.length, "frame count");
        for (int f = 0; f < frames.length; f++) {
            String[] expected = rows.get(f).split(",");
            assertEquals(FeatureSettings.DEFAULT.coefficients(), expected.length);
            for (int c = 0; c < expected.length; c++) {
                double want = Double.parseDouble(expected[c]);
                double tolerance = 2e-3 + 1e-4 * Math.abs(want);
                assertEquals(want, frames[f][c], tolerance, "frame " + f + ", coefficient " + c);
            }
        }
    }

    @Test
    void upstreamMfccLeavesTheLastFilterCentreAtZeroWhichThisClassDoesNotUse() {
        FeatureSettings s = FeatureSettings.DEFAULT;
        MFCC upstream = new MFCC(s.frameLength(), s.sampleRate(), s.coefficients(), s.melBands(), s.lowHz(), s.highHz());
        // The defect this class exists for (TarsosDSP issue #166): index M is never written.
        assertEquals(0, upstream.getCenterFrequencies()[s.melBands()]);

        float[] tone = new float[s.frameLength()];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(2 * Math.PI * 7000 * i / s.sampleRate());
        }
        float[] upstreamCoefficients = upstreamMfcc(upstream, tone);
        float[] fixed = new FixedMfcc(s).compute(tone).clone();
        assertTrue(distance(upstreamCoefficients, fixed) > 1, "a 7 kHz tone must read differently once the top filter exists");
    }

    @Test
    void streamingInOddChunksGivesTheSameFramesAsTheWholeClip() throws Exception {
        float[] samples = WavReader.read(resource("mfcc-input.wav"));
        float[][] whole = MfccStream.framesOf(samples, FeatureSettings.DEFAULT);

        MfccStream stream = new MfccStream(FeatureSettings.DEFAULT);
        float[][] chunked = new float[whole.length][];
        int[] next = {0};
        int position = 0;
        int chunk = 1;
        while (position < samples.length) {
            int n = Math.min(chunk, samples.length - position);
            float[] piece = new float[n];
            System.arraycopy(samples, position, piece, 0, n);
            stream.process(piece, n, frame -> chunked[next[0]++] = frame.clone());
            position += n;
            chunk = chunk * 3 % 997 + 1;
        }
        assertEquals(whole.length, next[0]);
        for (int f = 0; f < whole.length; f++) {
            assertArrayEquals(whole[f], chunked[f], "frame " + f);
        }
    }

    @Test
    void computingAFrameLeavesTheCallersSamplesUntouched() {
        float[] frame = new float[FeatureSettings.DEFAULT.frameLength()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) Math.sin(i * 0.1);
        }
        float[] copy = frame.clone();
        new FixedMfcc(FeatureSettings.DEFAULT).compute(frame);
        assertArrayEquals(copy, frame);
    }

    @Test
    void digitalSilenceGivesFiniteCoefficients() {
        float[] coefficients = new FixedMfcc(FeatureSettings.DEFAULT).compute(new float[FeatureSettings.DEFAULT.frameLength()]);
        for (float c : coefficients) {
            assertTrue(Float.isFinite(c));
        }
    }

    private static float[] upstreamMfcc(MFCC upstream, float[] frame) {
        be.tarsos.dsp.io.TarsosDSPAudioFormat format = new be.tarsos.dsp.io.TarsosDSPAudioFormat(16000, 16, 1, true, false);
        be.tarsos.dsp.AudioEvent event = new be.tarsos.dsp.AudioEvent(format);
        event.setFloatBuffer(frame.clone());
        upstream.process(event);
        return upstream.getMFCC();
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    /**
     * A vowel: harmonics of 120 Hz under two formants (700 and 1800 Hz), every frequency of it
     * multiplied by {@code scale}, as a shorter vocal tract and a higher voice would.
     */
    private static float[] vowel(double scale, FeatureSettings s) {
        float[] vowel = new float[s.frameLength()];
        for (int k = 1; k * 120 < 5000; k++) {
            double hz = k * 120;
            double amplitude = Math.exp(-Math.pow((hz - 700) / 250, 2)) + 0.5 * Math.exp(-Math.pow((hz - 1800) / 350, 2)) + 0.02;
            for (int i = 0; i < vowel.length; i++) {
                vowel[i] += (float) (0.05 * amplitude * Math.sin(2 * Math.PI * hz * scale * i / s.sampleRate()));
            }
        }
        return vowel;
    }

    @Test
    void aWarpedFilterbankHearsAVoiceMovedUpByTheWarpAsThePlainOneHearsTheVoice() {
        FeatureSettings s = FeatureSettings.DEFAULT;
        float[] plain = new FixedMfcc(s).compute(vowel(1.0, s)).clone();
        float[] movedAndWarped = new FixedMfcc(s, 1.1).compute(vowel(1.1, s)).clone();
        float[] movedOnly = new FixedMfcc(s).compute(vowel(1.1, s)).clone();

        assertTrue(distance(plain, movedAndWarped) * 3 < distance(plain, movedOnly),
                "warped: " + distance(plain, movedAndWarped) + ", not warped: " + distance(plain, movedOnly));
    }

    @Test
    void theWarpScalesFrequenciesUpToAKneeAndKeepsTheNyquistFrequency() {
        double nyquist = 8000;
        for (double warp : new double[] {0.8, 0.9, 1.1, 1.2}) {
            assertEquals(1000 * warp, FixedMfcc.warped(1000, warp, nyquist), 1e-9);
            assertEquals(nyquist, FixedMfcc.warped(nyquist, warp, nyquist), 1e-9);
            double previous = -1;
            for (double hz = 0; hz <= nyquist; hz += 50) {
                double w = FixedMfcc.warped(hz, warp, nyquist);
                assertTrue(w > previous && w <= nyquist, "warp " + warp + " at " + hz + " Hz: " + w);
                previous = w;
            }
        }
        assertEquals(7600, FixedMfcc.warped(7600, 1.0, nyquist));
    }

}
