package dev.earshot.audio;

/**
 * Cuts a recording to the fixed length a model was trained on.
 */
public final class ClipWindow {

    private ClipWindow() {
    }

    /** Shifts by {@code shift} samples (later when positive), then pads with zeros at the end or cuts. */
    public static float[] fit(float[] samples, int length, int shift) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            int from = i - shift;
            if (from >= 0 && from < samples.length) {
                out[i] = samples[from];
            }
        }
        return out;
    }

    /** The {@code length} samples that end at sample {@code end}; zeros for any before the start. */
    public static float[] ending(float[] samples, int end, int length) {
        return fit(samples, length, length - end);
    }

    /**
     * The {@code length} samples with the most energy, in 10 ms steps; a short recording is padded.
     * A clip longer than the model's window usually holds the word somewhere in the middle.
     */
    public static float[] loudest(float[] samples, int length) {
        if (samples.length <= length) {
            return fit(samples, length, 0);
        }
        int step = AudioSource.SAMPLE_RATE / 100;
        double energy = 0;
        for (int i = 0; i < length; i++) {
            energy += samples[i] * samples[i];
        }
        double best = energy;
        int bestStart = 0;
        for (int start = step; start + length <= samples.length; start += step) {
            for (int i = start - step; i < start; i++) {
                energy -= samples[i] * samples[i];
                energy += samples[i + length] * samples[i + length];
            }
            if (energy > best) {
                best = energy;
                bestStart = start;
            }
        }
        return fit(samples, length, -bestStart);
    }
}
