package dev.earshot.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The second look keeps a detection only when the window heard again says the same, sure enough. */
class SecondLookTest {

    private final SecondLook look = new SecondLook(0.8);
    private final Detection on = new Detection(3.2, "on", 0.9f);

    @Test
    void theSameCommandAtTheThresholdConfirms() {
        assertTrue(look.confirms(on, new Classification("on", 0.8f)));
    }

    @Test
    void theSameCommandBelowTheThresholdDoesNot() {
        assertFalse(look.confirms(on, new Classification("on", 0.79f)));
    }

    @Test
    void anotherCommandDoesNotHoweverSure() {
        assertFalse(look.confirms(on, new Classification("off", 0.99f)));
    }

    @Test
    void anotherWordDoesNot() {
        assertFalse(look.confirms(on, new Classification("_unknown_", 0.95f)));
    }
}
