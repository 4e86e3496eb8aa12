package dev.earshot.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.earshot.config.PinLevel;
import dev.earshot.config.PinSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Pi4J board on Pi4J's mock provider; states are read back from Pi4J, not from our own bookkeeping. */
class Pi4jOutputsTest {

    private static final Map<String, PinSpec> PINS = pins(
            new PinSpec("lamp", 17, PinLevel.LOW, PinLevel.LOW),
            new PinSpec("relay", 27, PinLevel.HIGH, PinLevel.HIGH),
            new PinSpec("fan", 22, PinLevel.LOW, PinLevel.HIGH));

    private final Pi4jOutputs board = Pi4jOutputs.openMock(PINS);

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void pinsStartAtTheirInitialLevel() {
        assertEquals(DigitalState.LOW, mock(17).state());
        assertEquals(DigitalState.HIGH, mock(27).state());
        assertEquals(DigitalState.LOW, mock(22).state());
    }

    @Test
    void setDrivesThePi4jOutput() {
        board.set("lamp", true);
        assertEquals(DigitalState.HIGH, mock(17).state());
        assertTrue(board.isHigh("lamp"));
        board.set("lamp", false);
        assertEquals(DigitalState.LOW, mock(17).state());
        assertFalse(board.isHigh("lamp"));
    }

    @Test
    void closeDrivesEveryPinToItsShutdownLevelAndShutsPi4jDown() {
        DigitalOutput lamp = mock(17);
        DigitalOutput relay = mock(27);
        DigitalOutput fan = mock(22);
        board.set("lamp", true);
        board.set("relay", false);

        board.close();

        assertEquals(DigitalState.LOW, lamp.state());
        assertEquals(DigitalState.HIGH, relay.state());
        assertEquals(DigitalState.HIGH, fan.state());
        assertTrue(board.context().isShutdown());
    }

    @Test
    void closeTwiceIsHarmless() {
        board.close();
        board.close();
        assertTrue(board.context().isShutdown());
    }

    @Test
    void setAfterCloseIsRefused() {
        board.close();
        assertThrows(IllegalStateException.class, () -> board.set("lamp", true));
    }

    @Test
    void unknownPinNameIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> board.set("heater", true));
    }

    @Test
    void describesItselfAsMock() {
        assertTrue(board.description().startsWith("mock"), board.description());
    }

    private DigitalOutput mock(int bcm) {
        return board.context().registry().get(Pi4jOutputs.ioId(bcm), DigitalOutput.class);
    }

    static Map<String, PinSpec> pins(PinSpec... specs) {
        Map<String, PinSpec> pins = new LinkedHashMap<>();
        for (PinSpec spec : specs) {
            pins.put(spec.name(), spec);
        }
        return pins;
    }
}
