package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipViewsTest {

    private static final int SECOND = 16000;

    @Test
    void aClipIsHeardFifteenTimesEachAsLongAsTheWindow() {
        List<float[]> views = new ClipViews().of(WavBytes.tone(500, SECOND, SECOND, 0.3), SECOND);

        assertEquals(15, views.size());
        views.forEach(view -> assertEquals(SECOND, view.length));
    }

    @Test
    void theFirstThreeViewsAreTheClipAsRecordedAndShifted100MsEarlierAndLater() {
        float[] clip = WavBytes.tone(500, SECOND, SECOND, 0.3);

        List<float[]> views = new ClipViews().of(clip, SECOND);

        assertArrayEquals(clip, views.get(0));
        assertArrayEquals(ClipWindow.fit(clip, SECOND, -1600), views.get(1));
        assertArrayEquals(ClipWindow.fit(clip, SECOND, 1600), views.get(2));
    }

    @Test
    void theOtherViewsPlayTheClipUpTo8PercentSlowerAndFaster() {
        List<float[]> views = new ClipViews().of(WavBytes.tone(500, SECOND, SECOND, 0.3), SECOND);

        List<Long> pitches = new ArrayList<>();
        for (int speed = 0; speed < 5; speed++) {
            pitches.add(Math.round(hertzOver(views.get(3 * speed), 2000, 12000)));
        }

        assertEquals(List.of(500L, 460L, 480L, 520L, 540L), pitches);
    }

    /** The frequency of a tone, from its upward zero crossings between two samples. */
    private static double hertzOver(float[] x, int from, int to) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * (double) SECOND / (last - first);
    }
}
