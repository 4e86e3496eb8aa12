package dev.earshot.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    /** The range the bounds below are worked out for (the recipe's until run 56). */
    private static final SpeedRange SPEEDS = new SpeedRange(0.9, 1.1);

    /** One second: silence, a 300 Hz "word" from 0.25 s to 0.75 s, silence. */
    private static float[] clipWithWord() {
        float[] clip = new float[16000];
        for (int i = 4000; i < 12000; i++) {
            clip[i] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
        }
        return clip;
    }

    private static boolean loud(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return sum / (to - from) > 1e-4;
    }

    /** First and one past the last sample that is not silent: where the word was put. */
    private static SpokenSpan heardPart(float[] x) {
        int first = 0;
        while (x[first] == 0) {
            first++;
        }
        int last = x.length - 1;
        while (x[last] == 0) {
            last--;
        }
        return new SpokenSpan(first, last + 1);
    }

    @Test
    void spokenSpanIsWhereTheWordIs() {
        SpokenSpan span = SpokenSpan.of(clipWithWord());
        assertEquals(4000, span.start());
        assertEquals(12000, span.end());
    }

    @Test
    void spokenSpanOfSilenceIsTheWholeClip() {
        SpokenSpan span = SpokenSpan.of(new float[16000]);
        assertEquals(16000, span.length());
    }

    @Test
    void aCutWordTouchesAnEdgeOfTheWindowWithAboutHalfOfItInside() {
        Augmenter augmenter = new Augmenter(List.of(), SPEEDS);
        int startsCut = 0;
        int endsCut = 0;
        for (int seed = 0; seed < 40; seed++) {
            float[] cut = augmenter.cut(clipWithWord(), new SplittableRandom(seed));
            assertEquals(16000, cut.length);
            boolean atStart = loud(cut, 0, 160);
            boolean atEnd = loud(cut, 16000 - 160, 16000);
            assertTrue(atStart != atEnd, "seed " + seed + ": the word must be cut by exactly one edge");
            startsCut += atStart ? 1 : 0;
            endsCut += atEnd ? 1 : 0;
            int inside = 0;
            for (float v : cut) {
                inside += v != 0 ? 1 : 0;
            }
            // 35-65 % of a word that speed 0.9-1.1 stretched to 7270-8890 samples.
            assertTrue(inside > 0.30 * 8000 && inside < 0.72 * 8000, "seed " + seed + ": " + inside + " samples inside");
        }
        assertTrue(startsCut > 5 && endsCut > 5, "both the start and the tail of words: " + startsCut + "/" + endsCut);
    }

    @Test
    void aWordAtTheEdgeIsWholeAndStartsInTheFirstOrEndsInTheLastTenthOfTheWindow() {
        Augmenter augmenter = new Augmenter(List.of(), SPEEDS);
        int left = 0;
        int right = 0;
        for (int seed = 0; seed < 40; seed++) {
            float[] heard = augmenter.atEdge(clipWithWord(), new SplittableRandom(seed));
            assertEquals(16000, heard.length);
            SpokenSpan part = heardPart(heard);
            int first = part.start();
            int last = part.end() - 1;
            // The spoken part is found in 10 ms frames, so up to 160 samples of it may be silent.
            boolean atStart = first < 1600 + 160;
            boolean atEnd = last >= 16000 - 1600 - 160;
            assertTrue(atStart != atEnd, "seed " + seed + ": the word must sit against exactly one edge, " + first + ".." + last);
            left += atStart ? 1 : 0;
            right += atEnd ? 1 : 0;
            // The whole word, which speed 0.9-1.1 stretched to 7270-8890 samples, and nothing else.
            int length = last - first + 1;
            assertTrue(length > 7200 && length < 8900, "seed " + seed + ": " + length + " samples");
        }
        assertTrue(left > 5 && right > 5, "both edges: " + left + "/" + right);
    }

    @Test
    void aWholeWordCanSitAnywhereInTheWindowButAlwaysWhole() {
        Augmenter augmenter = new Augmenter(List.of(), SPEEDS);
        int earliest = 16000;
        int latest = 0;
        for (int seed = 0; seed < 40; seed++) {
            SpokenSpan part = heardPart(augmenter.whole(clipWithWord(), new SplittableRandom(seed)));
            // All of the word, which speed 0.9-1.1 stretched to 7270-8890 samples, inside the window.
            assertTrue(part.length() > 7200 && part.length() < 8900, "seed " + seed + ": " + part);
            earliest = Math.min(earliest, part.start());
            latest = Math.max(latest, part.start());
        }
        // Not only near the middle (4000, where the clip has it): from the start to the end.
        assertTrue(earliest < 1000 && latest > 6000, "starts from " + earliest + " to " + latest);
    }

    @Test
    void theSpeedRangeSetsHowFarTheWordIsStretched() {
        Augmenter twiceAsFast = new Augmenter(List.of(), new SpeedRange(1.9, 2.0));
        for (int seed = 0; seed < 20; seed++) {
            SpokenSpan part = heardPart(twiceAsFast.whole(clipWithWord(), new SplittableRandom(seed)));
            // The 8000-sample word played 1.9-2 times as fast: 4000-4210 samples.
            assertTrue(part.length() > 3900 && part.length() < 4300, "seed " + seed + ": " + part);
        }
    }

    @Test
    void aSpeedRangeMustRunFromAPositiveSlowestToAFasterFastest() {
        assertThrows(EarshotException.class, () -> new SpeedRange(1.2, 0.8));
        assertThrows(EarshotException.class, () -> new SpeedRange(1.0, 1.0));
        assertThrows(EarshotException.class, () -> new SpeedRange(0, 1.1));
    }

    @Test
    void theSameRandomGeneratorGivesTheSameVariant() {
        Augmenter augmenter = new Augmenter(List.of(clipWithWord(), clipWithWord()), SPEEDS);
        assertArrayEquals(augmenter.cut(clipWithWord(), new SplittableRandom(7)), augmenter.cut(clipWithWord(), new SplittableRandom(7)));
        assertArrayEquals(augmenter.atEdge(clipWithWord(), new SplittableRandom(7)), augmenter.atEdge(clipWithWord(), new SplittableRandom(7)));
        assertArrayEquals(augmenter.whole(clipWithWord(), new SplittableRandom(7)), augmenter.whole(clipWithWord(), new SplittableRandom(7)));
        assertArrayEquals(augmenter.speech(clipWithWord(), Augmenter.NEAR_SHIFT, new SplittableRandom(7)),
                augmenter.speech(clipWithWord(), Augmenter.NEAR_SHIFT, new SplittableRandom(7)));
    }
}
