package dev.earshot.training;

import dev.earshot.audio.AudioSource;
import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.WavReader;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes training variants of a one-second clip: speed, shift, gain and background noise, so the
 * model hears more speakers, rooms and levels than the recordings hold.
 *
 * <p>Deterministic: the same random generator gives the same variant.
 */
public final class Augmenter {

    public static final int CLIP_SAMPLES = AudioSource.SAMPLE_RATE;

    private final List<float[]> noises;

    /** @param noises background recordings at 16 kHz, each longer than a clip */
    public Augmenter(List<float[]> noises) {
        this.noises = List.copyOf(noises);
    }

    /** Shift of a command: its word stays near where the model expects it. */
    public static final int NEAR_SHIFT = 1600;
    /**
     * Shift of another word: anywhere in the window, even partly outside it, because a listening
     * device sees every word at every position and must not take part of one for a command.
     */
    public static final int FAR_SHIFT = 6400;

    /**
     * A varied copy of {@code clip}: speed 0.9–1.1, shift up to ±{@code maxShift} samples,
     * gain −12…+6 dB, noise at 0–20 dB SNR (80 %).
     */
    public float[] speech(float[] clip, int maxShift, SplittableRandom random) {
        float speed = (float) random.nextDouble(0.9, 1.1);
        float[] sped = WavReader.resample(clip, AudioSource.SAMPLE_RATE * speed, AudioSource.SAMPLE_RATE);
        float[] out = ClipWindow.fit(sped, CLIP_SAMPLES, random.nextInt(-maxShift, maxShift + 1));
        scale(out, (float) Math.pow(10, random.nextDouble(-12, 6) / 20));
        if (!noises.isEmpty() && random.nextDouble() < 0.8) {
            float speechRms = rms(out);
            float[] noise = noiseCut(random);
            float noiseRms = rms(noise);
            if (speechRms > 0 && noiseRms > 0) {
                double snrDb = random.nextDouble(0, 20);
                float k = (float) (speechRms / noiseRms / Math.pow(10, snrDb / 20));
                for (int i = 0; i < out.length; i++) {
                    out[i] += k * noise[i];
                }
            }
        }
        clip(out);
        return out;
    }

    /** One second of background: a noise cut at a random level, or now and then true digital silence. */
    public float[] silence(SplittableRandom random) {
        if (noises.isEmpty() || random.nextDouble() < 0.1) {
            return new float[CLIP_SAMPLES];
        }
        float[] noise = noiseCut(random);
        float rms = rms(noise);
        double targetRms = Math.pow(10, random.nextDouble(-80, -20) / 20);
        if (rms > 0) {
            scale(noise, (float) (targetRms / rms));
        }
        clip(noise);
        return noise;
    }

    private float[] noiseCut(SplittableRandom random) {
        float[] noise = noises.get(random.nextInt(noises.size()));
        int start = random.nextInt(Math.max(1, noise.length - CLIP_SAMPLES));
        float[] cut = new float[CLIP_SAMPLES];
        System.arraycopy(noise, start, cut, 0, Math.min(CLIP_SAMPLES, noise.length - start));
        return cut;
    }

    private static float rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return (float) Math.sqrt(sum / x.length);
    }

    private static void scale(float[] x, float k) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= k;
        }
    }

    private static void clip(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1f, Math.min(1f, x[i]));
        }
    }
}
