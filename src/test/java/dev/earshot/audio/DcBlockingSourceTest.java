package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class DcBlockingSourceTest {

    private static float[] through(float[] samples) throws IOException {
        float[] out = new float[samples.length];
        try (DcBlockingSource source = new DcBlockingSource(new ClipSource(samples, "test"))) {
            float[] buffer = new float[100];
            int at = 0;
            int n;
            while ((n = source.read(buffer)) > 0) {
                System.arraycopy(buffer, 0, out, at, n);
                at += n;
            }
        }
        return out;
    }

    @Test
    void aConstantOffsetDiesAway() throws IOException {
        float[] samples = WavBytes.tone(1000, 16000, 16000, 0.1);
        for (int i = 0; i < samples.length; i++) {
            samples[i] += 0.3f;
        }
        float[] out = through(samples);
        double mean = 0;
        for (int i = 8000; i < 16000; i++) {
            mean += out[i];
        }
        assertEquals(0, mean / 8000, 1e-3);
    }

    @Test
    void speechFrequenciesPassUnchanged() throws IOException {
        float[] samples = WavBytes.tone(300, 16000, 16000, 0.5);
        float[] out = through(samples);
        float peak = 0;
        for (int i = 8000; i < 16000; i++) {
            peak = Math.max(peak, Math.abs(out[i]));
        }
        assertEquals(0.5, peak, 0.005);
    }
}
