package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The audio a decision was made on stays available for a while after it has passed on. */
class RecentAudioTest {

    private static float[] ramp(int n) {
        float[] samples = new float[n];
        for (int i = 0; i < n; i++) {
            samples[i] = i;
        }
        return samples;
    }

    /** Reads the whole source in buffers of {@code size}, as the feature stage does. */
    private static float[] readAll(RecentAudio recent, int size) throws IOException {
        float[] all = new float[0];
        float[] buffer = new float[size];
        int n;
        while ((n = recent.read(buffer)) >= 0) {
            float[] longer = java.util.Arrays.copyOf(all, all.length + n);
            System.arraycopy(buffer, 0, longer, all.length, n);
            all = longer;
        }
        return all;
    }

    @Test
    void samplesPassThroughUnchanged() throws IOException {
        RecentAudio recent = new RecentAudio(new ClipSource(ramp(1000), "ramp"), 100);
        assertArrayEquals(ramp(1000), readAll(recent, 320));
    }

    @Test
    void theSamplesEndingAtAPointAreTheOnesReadThere() throws IOException {
        RecentAudio recent = new RecentAudio(new ClipSource(ramp(1000), "ramp"), 100);
        readAll(recent, 320);
        assertArrayEquals(new float[] {950, 951, 952, 953, 954}, recent.ending(955, 5));
        assertArrayEquals(new float[] {995, 996, 997, 998, 999}, recent.ending(1000, 5));
    }

    @Test
    void beforeTheStartThereIsSilence() throws IOException {
        RecentAudio recent = new RecentAudio(new ClipSource(ramp(50), "ramp"), 100);
        readAll(recent, 320);
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2}, recent.ending(3, 6));
    }

    @Test
    void samplesNoLongerKeptAreRefused() throws IOException {
        RecentAudio recent = new RecentAudio(new ClipSource(ramp(1000), "ramp"), 100);
        readAll(recent, 320);
        assertThrows(IllegalStateException.class, () -> recent.ending(905, 10));
        assertThrows(IllegalStateException.class, () -> recent.ending(1001, 10));
    }

    @Test
    void itIsLiveWhenItsSourceIs() {
        assertEquals(false, new RecentAudio(new ClipSource(ramp(10), "file"), 10).isLive());
    }
}
