package dev.earshot.audio;

/** Plays samples already in memory (a decoded WAV file) as a stream. */
public final class ClipSource implements AudioSource {

    private final float[] samples;
    private final String name;
    private int position;

    public ClipSource(float[] samples, String name) {
        this.samples = samples;
        this.name = name;
    }

    @Override
    public int read(float[] buffer) {
        if (position >= samples.length) {
            return -1;
        }
        int n = Math.min(buffer.length, samples.length - position);
        System.arraycopy(samples, position, buffer, 0, n);
        position += n;
        return n;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        position = samples.length;
    }
}
