package dev.earshot.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.earshot.config.Action;
import dev.earshot.config.ActionSpec;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.PinLevel;
import dev.earshot.config.PinSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commands drive Pi4J's mock outputs; pin states are read back from Pi4J. */
class CommandResponderTest {

    private static final Map<String, PinSpec> PINS = Pi4jOutputsTest.pins(
            new PinSpec("lamp", 17, PinLevel.LOW, PinLevel.LOW),
            new PinSpec("fan", 27, PinLevel.LOW, PinLevel.LOW),
            new PinSpec("buzzer", 22, PinLevel.LOW, PinLevel.LOW),
            new PinSpec("door", 23, PinLevel.LOW, PinLevel.HIGH));

    private static final Map<String, List<ActionSpec>> COMMANDS = Map.of(
            "on", List.of(new ActionSpec("lamp", Action.ON, 0)),
            "off", List.of(new ActionSpec("lamp", Action.OFF, 0)),
            "yes", List.of(new ActionSpec("fan", Action.TOGGLE, 0)),
            "go", List.of(new ActionSpec("buzzer", Action.PULSE, 30)),
            "open", List.of(new ActionSpec("door", Action.PULSE, 60_000)),
            "stop", List.of(new ActionSpec("lamp", Action.OFF, 0), new ActionSpec("fan", Action.OFF, 0)));

    private final BlockingQueue<PinChange> heard = new LinkedBlockingQueue<>();
    private final Pi4jOutputs board = Pi4jOutputs.openMock(PINS);
    private final CommandResponder responder = new CommandResponder(PINS, COMMANDS, board, heard::add);

    @AfterEach
    void close() {
        responder.close();
    }

    @Test
    void onDrivesThePinHighAndReportsIt() {
        assertEquals(List.of(new PinChange("lamp", 17, true)), responder.respond("on"));
        assertEquals(DigitalState.HIGH, mock(17).state());
        assertEquals(new PinChange("lamp", 17, true), heard.poll());
    }

    @Test
    void offDrivesThePinLow() {
        responder.respond("on");
        assertEquals(List.of(new PinChange("lamp", 17, false)), responder.respond("off"));
        assertEquals(DigitalState.LOW, mock(17).state());
    }

    @Test
    void aPinAlreadyAtTheTargetLevelIsNotReportedAsAChange() {
        responder.respond("on");
        assertEquals(List.of(), responder.respond("on"));
        assertEquals(DigitalState.HIGH, mock(17).state());
    }

    @Test
    void toggleFlipsThePinEachTime() {
        responder.respond("yes");
        assertEquals(DigitalState.HIGH, mock(27).state());
        assertEquals(List.of(new PinChange("fan", 27, false)), responder.respond("yes"));
        assertEquals(DigitalState.LOW, mock(27).state());
    }

    @Test
    void actionsRunInOrder() {
        responder.respond("on");
        responder.respond("yes");
        assertEquals(List.of(new PinChange("lamp", 17, false), new PinChange("fan", 27, false)), responder.respond("stop"));
        assertEquals(DigitalState.LOW, mock(17).state());
        assertEquals(DigitalState.LOW, mock(27).state());
    }

    @Test
    void pulseGoesHighNowAndLowAfterItsLengthReportingBoth() throws InterruptedException {
        assertEquals(List.of(new PinChange("buzzer", 22, true)), responder.respond("go"));
        assertEquals(DigitalState.HIGH, mock(22).state());
        assertEquals(new PinChange("buzzer", 22, true), heard.poll());

        PinChange end = heard.poll(2, TimeUnit.SECONDS);
        assertEquals(new PinChange("buzzer", 22, false), end);
        assertEquals(DigitalState.LOW, mock(22).state());
    }

    @Test
    void commandWithoutMappingDoesNothing() {
        assertEquals(List.of(), responder.respond("left"));
        assertTrue(heard.isEmpty());
        for (PinSpec pin : PINS.values()) {
            assertEquals(DigitalState.LOW, mock(pin.bcm()).state(), pin.name());
        }
    }

    @Test
    void closeWhileAPulseIsPendingCancelsItAndLeavesShutdownLevels() throws InterruptedException {
        DigitalOutput door = mock(23);
        DigitalOutput lamp = mock(17);
        responder.respond("on");
        responder.respond("open");
        heard.clear();

        responder.close();

        // door's shutdown level is high: a pulse end firing after close would have driven it low.
        assertEquals(DigitalState.HIGH, door.state());
        assertEquals(DigitalState.LOW, lamp.state());
        assertTrue(board.context().isShutdown());
        assertEquals(new PinChange("lamp", 17, false), heard.poll(), "the lamp's move to its shutdown level is reported");
        assertEquals(null, heard.poll(100, TimeUnit.MILLISECONDS), "no pulse end after close");
    }

    @Test
    void closeIsIdempotent() {
        responder.close();
        responder.close();
        assertTrue(board.context().isShutdown());
    }

    @Test
    void describeIsTheCliLine() {
        assertEquals("GPIO 17 (lamp) -> HIGH", new PinChange("lamp", 17, true).describe());
        assertEquals("GPIO 22 (buzzer) -> LOW", new PinChange("buzzer", 22, false).describe());
    }

    @Test
    void defaultConfigWiresUpOnTheMock() {
        EarshotConfig config = ConfigLoader.loadDefault();
        try (CommandResponder fromConfig = CommandResponder.forConfig(config, Pi4jOutputs.openMock(config.pins()), c -> { })) {
            assertEquals(List.of(new PinChange("lamp", 17, true)), fromConfig.respond("on"));
            assertEquals(List.of(new PinChange("fan", 27, true)), fromConfig.respond("up"));
            assertEquals(List.of(new PinChange("lamp", 17, false), new PinChange("fan", 27, false)), fromConfig.respond("stop"));
        }
    }

    private DigitalOutput mock(int bcm) {
        return board.context().registry().get(Pi4jOutputs.ioId(bcm), DigitalOutput.class);
    }
}
