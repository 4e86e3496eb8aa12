package dev.earshot.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.Action;
import dev.earshot.config.ActionSpec;
import dev.earshot.config.PinLevel;
import dev.earshot.config.PinSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Responder rules that do not need Pi4J, on an in-memory board. */
class CommandResponderLogicTest {

    private static final Map<String, PinSpec> PINS = Pi4jOutputsTest.pins(
            new PinSpec("lamp", 17, PinLevel.LOW, PinLevel.LOW));

    private final FakeOutputs board = new FakeOutputs();
    private final BlockingQueue<PinChange> heard = new LinkedBlockingQueue<>();

    @Test
    void anotherActionOnThePinCancelsItsPendingPulseEnd() throws InterruptedException {
        try (CommandResponder responder = new CommandResponder(PINS, Map.of(
                "go", List.of(new ActionSpec("lamp", Action.PULSE, 50)),
                "on", List.of(new ActionSpec("lamp", Action.ON, 0))), board, heard::add)) {
            responder.respond("go");
            responder.respond("on");
            heard.clear();
            assertEquals(null, heard.poll(200, TimeUnit.MILLISECONDS), "the stale pulse end must not fire");
            assertTrue(board.isHigh("lamp"));
        }
    }

    @Test
    void aFailingListenerDoesNotStopThePins() {
        try (CommandResponder responder = new CommandResponder(PINS,
                Map.of("on", List.of(new ActionSpec("lamp", Action.ON, 0))), board,
                change -> { throw new IllegalStateException("printer broke"); })) {
            assertEquals(List.of(new PinChange("lamp", 17, true)), responder.respond("on"));
            assertTrue(board.isHigh("lamp"));
        }
    }

    @Test
    void closingTheResponderClosesTheBoardOnce() {
        CommandResponder responder = new CommandResponder(PINS, Map.of(), board, heard::add);
        responder.close();
        responder.close();
        assertEquals(1, board.closes);
    }

    @Test
    void respondAfterCloseIsRefused() {
        CommandResponder responder = new CommandResponder(PINS, Map.of(), board, heard::add);
        responder.close();
        assertThrows(IllegalStateException.class, () -> responder.respond("on"));
    }

    @Test
    void actionsOnUndefinedPinsAreRejectedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new CommandResponder(PINS,
                Map.of("on", List.of(new ActionSpec("heater", Action.ON, 0))), board, heard::add));
        assertFalse(board.isHigh("lamp"));
    }

    private static final class FakeOutputs implements Outputs {
        private final Map<String, Boolean> levels = new HashMap<>();
        private int closes;

        @Override
        public synchronized void set(String pin, boolean high) {
            levels.put(pin, high);
        }

        @Override
        public synchronized boolean isHigh(String pin) {
            return levels.getOrDefault(pin, false);
        }

        @Override
        public synchronized void close() {
            closes++;
        }
    }
}
