package dev.earshot.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    @Test
    void theTopLabelIsTheMostProbableWithItsPosterior() {
        Classification verdict = Classification.top(new float[] {0.1f, 0.7f, 0.2f}, List.of("on", "off", "_silence_"));
        assertEquals(new Classification("off", 0.7f), verdict);
    }
}
