package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RateConverterTest {

    @Test
    void aConverterGivesTheSameSamplesEveryTimeItIsUsed() {
        RateConverter slower = new RateConverter(16000 * 0.92f, 16000);
        float[] clip = WavBytes.tone(500, 16000, 16000, 0.3);
        float[] other = WavBytes.tone(900, 16000, 16000, 0.5);

        float[] first = slower.convert(clip);
        slower.convert(other);
        float[] again = slower.convert(clip);

        assertArrayEquals(first, again);
    }

    @Test
    void aReusedConverterGivesWhatANewOneWould() {
        RateConverter down = new RateConverter(48000, 16000);
        down.convert(WavBytes.tone(700, 48000, 48000, 0.4));
        float[] clip = WavBytes.tone(500, 48000, 48000, 0.3);

        assertArrayEquals(new RateConverter(48000, 16000).convert(clip), down.convert(clip));
    }

    @Test
    void convertingOnceGivesWhatAKeptConverterGives() {
        float[] clip = WavBytes.tone(500, 44100, 44100, 0.3);

        assertArrayEquals(new RateConverter(44100, 16000).convert(clip), RateConverter.once(clip, 44100, 16000));
    }

    @Test
    void theSameDurationComesOutAtTheNewRate() {
        float[] second = WavBytes.tone(500, 44100, 44100, 0.3);

        assertEquals(16000, new RateConverter(44100, 16000).convert(second).length);
    }

    @Test
    void aRateThatRoundsToTheTargetIsLeftAsItIs() {
        float[] clip = WavBytes.tone(500, 16000, 16000, 0.3);

        assertSame(clip, new RateConverter(16000.2f, 16000).convert(clip));
    }
}
