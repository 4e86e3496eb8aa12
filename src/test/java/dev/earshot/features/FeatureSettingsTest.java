package dev.earshot.features;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import org.junit.jupiter.api.Test;

class FeatureSettingsTest {

    @Test
    void theDefaultSettingsAreSupported() {
        assertDoesNotThrow(() -> FeatureSettings.DEFAULT.requireSupported("test"));
    }

    @Test
    void oneSecondHoldsFortyNineFramesOfThirtyTwoMillisecondsEveryTwenty() {
        assertEquals(49, FeatureSettings.DEFAULT.framesIn(16000));
        assertEquals(0, FeatureSettings.DEFAULT.framesIn(511));
        assertEquals(1, FeatureSettings.DEFAULT.framesIn(512));
    }

    @Test
    void settingsTheFrontEndCannotProduceAreRefusedByName() {
        assertRefused(new FeatureSettings(8000, 512, 320, 40, 20, 60, 3800), "sample rate 8000");
        assertRefused(new FeatureSettings(16000, 500, 320, 40, 20, 60, 7600), "frame length 500");
        assertRefused(new FeatureSettings(16000, 512, 600, 40, 20, 60, 7600), "hop 600");
        assertRefused(new FeatureSettings(16000, 512, 320, 40, 41, 60, 7600), "41 coefficients");
        assertRefused(new FeatureSettings(16000, 512, 320, 40, 20, 60, 9000), "mel range");
    }

    private static void assertRefused(FeatureSettings settings, String detail) {
        EarshotException e = assertThrows(EarshotException.class, () -> settings.requireSupported("model.onnx"));
        assertTrue(e.getMessage().startsWith("model.onnx: unsupported feature setting"), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
