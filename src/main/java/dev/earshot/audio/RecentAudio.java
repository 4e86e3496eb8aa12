package dev.earshot.audio;

import java.io.IOException;

/**
 * Passes a source's samples on unchanged and keeps the most recent of them, so that a stage
 * further on can hear again the audio a decision was made on.
 */
public final class RecentAudio implements AudioSource {

    private final AudioSource source;
    private final float[] ring;
    private long samplesRead;

    /** @param capacity how many of the latest samples stay available */
    public RecentAudio(AudioSource source, int capacity) {
        this.source = source;
        this.ring = new float[capacity];
    }

    @Override
    public int read(float[] buffer) throws IOException {
        int n = source.read(buffer);
        for (int i = 0; i < n; i++) {
            ring[(int) ((samplesRead + i) % ring.length)] = buffer[i];
        }
        samplesRead += Math.max(n, 0);
        return n;
    }

    /**
     * The {@code length} samples that end at sample {@code end} of the stream (counted from its
     * start); zeros for any before the stream began.
     *
     * @throws IllegalStateException if they are no longer (or not yet) kept
     */
    public float[] ending(long end, int length) {
        long first = Math.max(0, end - length);
        if (end > samplesRead || first < samplesRead - ring.length) {
            throw new IllegalStateException("samples " + first + ".." + end + " are not kept: " + samplesRead
                    + " read, the last " + ring.length + " kept");
        }
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            long at = end - length + i;
            samples[i] = at < 0 ? 0f : ring[(int) (at % ring.length)];
        }
        return samples;
    }

    @Override
    public boolean isLive() {
        return source.isLive();
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
