package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClipWindowTest {

    @Test
    void aShortClipIsPaddedWithSilenceAtTheEnd() {
        assertArrayEquals(new float[] {1, 2, 0, 0}, ClipWindow.fit(new float[] {1, 2}, 4, 0));
    }

    @Test
    void aPositiveShiftDelaysTheClip() {
        assertArrayEquals(new float[] {0, 1, 2, 3}, ClipWindow.fit(new float[] {1, 2, 3, 4}, 4, 1));
    }

    @Test
    void theSamplesEndingAtAPointComeWithSilenceBeforeTheStart() {
        assertArrayEquals(new float[] {3, 4}, ClipWindow.ending(new float[] {1, 2, 3, 4, 5}, 4, 2));
        assertArrayEquals(new float[] {0, 0, 1, 2}, ClipWindow.ending(new float[] {1, 2, 3, 4, 5}, 2, 4));
    }

    @Test
    void aLongRecordingIsCutAroundItsLoudestSecond() {
        float[] recording = new float[48000];
        for (int i = 30000; i < 34000; i++) {
            recording[i] = 0.5f;
        }
        float[] window = ClipWindow.loudest(recording, 16000);
        float energy = 0;
        for (float v : window) {
            energy += v * v;
        }
        assertEquals(16000, window.length);
        assertEquals(4000 * 0.25f, energy, 1e-3);
    }
}
