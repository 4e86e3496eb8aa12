package dev.earshot.audio;

import java.io.IOException;

/**
 * Removes a constant offset from live audio with a one-pole high-pass filter (corner near 10 Hz).
 *
 * <p>I2S MEMS microphones such as the SPH0645 deliver samples with a large DC offset, which ALSA
 * cannot remove and which would leak into the lowest mel bands. Speech lies far above the corner,
 * so the filter leaves it alone. Recordings from files are used as they are, like the training data.
 */
public final class DcBlockingSource implements AudioSource {

    /** y[n] = x[n] - x[n-1] + R y[n-1]; R = 1 - 2π·10 Hz / 16 kHz. */
    static final float R = 1f - (float) (2 * Math.PI * 10 / SAMPLE_RATE);

    private final AudioSource source;
    private float previousIn;
    private float previousOut;

    public DcBlockingSource(AudioSource source) {
        this.source = source;
    }

    @Override
    public int read(float[] buffer) throws IOException {
        int n = source.read(buffer);
        for (int i = 0; i < n; i++) {
            float x = buffer[i];
            previousOut = x - previousIn + R * previousOut;
            previousIn = x;
            buffer[i] = previousOut;
        }
        return n;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
