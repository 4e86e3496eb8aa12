package dev.earshot.training;

import dev.earshot.audio.AudioSource;

/**
 * Where in a clip the word is: from the first to the last 10 ms frame whose energy is within 25 dB
 * of the loudest frame. The same rule as {@code scripts/compose_stream.py}, which places words in
 * test recordings, so that "part of a word" means the same in training and in scoring.
 *
 * @param start first sample of the spoken part
 * @param end   one past its last sample
 */
public record SpokenSpan(int start, int end) {

    private static final int FRAME = AudioSource.SAMPLE_RATE / 100;
    private static final double RANGE_DB = 25;

    public static SpokenSpan of(float[] clip) {
        int frames = clip.length / FRAME;
        if (frames == 0) {
            return new SpokenSpan(0, clip.length);
        }
        double[] energy = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += clip[i] * clip[i];
            }
            energy[f] = sum / FRAME + 1e-12;
            loudest = Math.max(loudest, energy[f]);
        }
        double floor = loudest * Math.pow(10, -RANGE_DB / 10);
        int first = 0;
        while (energy[first] <= floor) {
            first++;
        }
        int last = frames - 1;
        while (energy[last] <= floor) {
            last--;
        }
        return new SpokenSpan(first * FRAME, (last + 1) * FRAME);
    }

    public int length() {
        return end - start;
    }
}
