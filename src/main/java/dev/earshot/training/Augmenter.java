package dev.earshot.training;

import dev.earshot.audio.AudioSource;
import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.RateConverter;
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
    private final SpeedRange speeds;

    /**
     * @param noises background recordings at 16 kHz, each longer than a clip
     * @param speeds the speeds each variant is played at
     */
    public Augmenter(List<float[]> noises, SpeedRange speeds) {
        this.noises = List.copyOf(noises);
        this.speeds = speeds;
    }

    /** Shift of a command: its word stays near where the model expects it. */
    public static final int NEAR_SHIFT = 1600;
    /**
     * Shift of another word: anywhere in the window, even partly outside it, because a listening
     * device sees every word at every position and must not take part of one for a command.
     */
    public static final int FAR_SHIFT = 6400;

    /**
     * A varied copy of {@code clip}: a speed from the range given, shift up to ±{@code maxShift}
     * samples, gain −12…+6 dB, noise at 0–20 dB SNR (80 %).
     */
    public float[] speech(float[] clip, int maxShift, SplittableRandom random) {
        float[] sped = atDrawnSpeed(clip, random);
        return heardIn(ClipWindow.fit(sped, CLIP_SAMPLES, random.nextInt(-maxShift, maxShift + 1)), random);
    }

    /**
     * A varied copy of {@code clip} whose spoken part the window's edge cuts, 35–65 % of it left
     * inside: the start of a word still being said, or the tail of one said a moment ago. A listening
     * device sees every word cut like this as it slides past; the tail of "down" sounds like "on",
     * the start of "right" like "rye", so the model must learn that part of a command is no command.
     */
    public float[] cut(float[] clip, SplittableRandom random) {
        float[] sped = atDrawnSpeed(clip, random);
        SpokenSpan span = SpokenSpan.of(sped);
        int edge = span.start() + (int) Math.round(span.length() * random.nextDouble(0.35, 0.65));
        // Positive shifts move the clip later: the window then ends at the edge (the start of the
        // word inside); negative ones start the window at the edge (its tail inside).
        int shift = random.nextBoolean() ? CLIP_SAMPLES - edge : -edge;
        return heardIn(ClipWindow.fit(sped, CLIP_SAMPLES, shift), random);
    }

    /**
     * A varied copy of {@code clip} with only its spoken part kept, placed whole against one edge of
     * the window (starting in its first 100 ms or ending in its last 100 ms) and the rest left to the
     * background. A sliding window holds every word like this twice, as it enters and as it leaves;
     * another word held there, with the room's hiss after it, must not pass for a command ("cat"
     * then noise sounds like "yes").
     */
    public float[] atEdge(float[] clip, SplittableRandom random) {
        float[] sped = atDrawnSpeed(clip, random);
        SpokenSpan span = SpokenSpan.of(sped);
        int length = Math.min(span.length(), CLIP_SAMPLES);
        int slack = Math.min(CLIP_SAMPLES / 10, CLIP_SAMPLES - length);
        boolean atStart = random.nextBoolean();
        int offset = random.nextInt(slack + 1);
        int start = atStart ? offset : CLIP_SAMPLES - length - offset;
        float[] out = new float[CLIP_SAMPLES];
        System.arraycopy(sped, span.start(), out, start, length);
        return heardIn(out, random);
    }

    /**
     * A varied copy of {@code clip} with its spoken part whole somewhere in the window, at any
     * position that keeps all of it inside. A sliding window holds a command like this for as long
     * as the whole word is in it, not only near the middle; trained on these too, the model took
     * fewer other words for commands on streams (run 38 in models/README.md).
     */
    public float[] whole(float[] clip, SplittableRandom random) {
        float[] sped = atDrawnSpeed(clip, random);
        SpokenSpan span = SpokenSpan.of(sped);
        int earliest = -span.start();
        int latest = CLIP_SAMPLES - span.end();
        // A word longer than the window cannot be whole in it: keep its middle.
        int shift = latest < earliest ? (earliest + latest) / 2 : random.nextInt(earliest, latest + 1);
        return heardIn(ClipWindow.fit(sped, CLIP_SAMPLES, shift), random);
    }

    private float[] atDrawnSpeed(float[] clip, SplittableRandom random) {
        float speed = (float) speeds.draw(random);
        return RateConverter.once(clip, AudioSource.SAMPLE_RATE * speed, AudioSource.SAMPLE_RATE);
    }

    /** The window at a random gain, with background noise mixed in most of the time. */
    private float[] heardIn(float[] out, SplittableRandom random) {
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
