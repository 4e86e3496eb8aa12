package dev.earshot.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways one clip is heard before its posteriors are averaged: as recorded and slightly faster
 * and slower, each as recorded and 100 ms earlier and later. The model was trained on speeds
 * 0.8–1.2 (0.9–1.1 when these views were chosen) and shifts of ±100 ms, so every view is a clip it
 * knows how to hear, and the average of fifteen is steadier than any one.
 *
 * <p>Chosen on the validation split (models/README.md, "Clip decision"): the three shifts alone
 * gave 97.06 % with the model shipped then (run 5), with the five speeds 97.52 %, and each of the
 * seven models tried gained 0.2–0.7 point from the speeds.
 *
 * <p>One instance serves every clip: it keeps a rate converter for each speed, whose filter table
 * would otherwise be built again for each clip (most of a second look's cost).
 */
public final class ClipViews {

    /** Playback speeds: above 1 the word is faster and higher, as if said by a quicker, smaller voice. */
    static final float[] SPEEDS = {1f, 0.92f, 0.96f, 1.04f, 1.08f};

    /** Shifts in samples, later when positive. */
    static final int[] SHIFTS = {0, -1600, 1600};

    private final List<RateConverter> playbacks = new ArrayList<>(SPEEDS.length);

    public ClipViews() {
        for (float speed : SPEEDS) {
            playbacks.add(new RateConverter(AudioSource.SAMPLE_RATE * speed, AudioSource.SAMPLE_RATE));
        }
    }

    /** Every view of {@code window}, each {@code length} samples long; the first is the window as recorded. */
    public List<float[]> of(float[] window, int length) {
        List<float[]> views = new ArrayList<>(SPEEDS.length * SHIFTS.length);
        for (RateConverter playback : playbacks) {
            float[] heard = playback.convert(window);
            for (int shift : SHIFTS) {
                views.add(ClipWindow.fit(heard, length, shift));
            }
        }
        return views;
    }
}
