package dev.earshot.gpio;

import dev.earshot.config.Action;
import dev.earshot.config.ActionSpec;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.PinLevel;
import dev.earshot.config.PinSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a recognised command into pin changes, as mapped under {@code commands:} in the config.
 *
 * <p>The responder owns its {@link Outputs}: {@link #close()} cancels pending pulses and then closes
 * them, so one call (for instance from a shutdown hook) leaves every pin at its shutdown level.
 *
 * <p>Any action on a pin cancels a pulse still pending on that pin: otherwise "go" then "on" would
 * see the lamp switched off by the end of the earlier pulse. A second pulse restarts the timer.
 */
public final class CommandResponder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandResponder.class);

    private final Map<String, PinSpec> pins;
    private final Map<String, List<ActionSpec>> commands;
    private final Outputs outputs;
    private final Consumer<PinChange> listener;
    private final ScheduledExecutorService scheduler;
    private final Map<String, PendingPulse> pendingPulses = new HashMap<>();
    private long pulseCount;
    private boolean closed;

    /** A scheduled pulse end; {@code id} tells a stale end (already superseded) from the current one. */
    private record PendingPulse(long id, ScheduledFuture<?> end) {
    }

    /**
     * @param pins the config's {@code pins:}
     * @param commands the config's {@code commands:}; every action must name one of {@code pins}
     * @param outputs the board to drive; closed by {@link #close()}
     * @param listener told about every change, including the delayed end of a pulse (on the pulse thread)
     */
    public CommandResponder(Map<String, PinSpec> pins, Map<String, List<ActionSpec>> commands, Outputs outputs,
            Consumer<PinChange> listener) {
        this.pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.listener = Objects.requireNonNull(listener, "listener");
        commands.forEach((word, actions) -> actions.forEach(action -> {
            if (!pins.containsKey(action.pin())) {
                // The config loader already rejects this, so reaching it is a wiring bug, not a user error.
                throw new IllegalArgumentException("command " + word + " uses undefined pin " + action.pin());
            }
        }));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "earshot-gpio-pulse");
            // A pending pulse must not keep the JVM alive; close() puts the pin to its shutdown level anyway.
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A responder for the config's pins and commands. */
    public static CommandResponder forConfig(EarshotConfig config, Outputs outputs, Consumer<PinChange> listener) {
        return new CommandResponder(config.pins(), config.commands(), outputs, listener);
    }

    /**
     * Applies the actions mapped to {@code command}, in order.
     *
     * @return the pins that changed level now, in order (a pin already at the target level is left out);
     *     empty for a command without a mapping. The end of a pulse is reported to the listener only.
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized List<PinChange> respond(String command) {
        if (closed) {
            throw new IllegalStateException("responder is closed");
        }
        List<PinChange> changes = new ArrayList<>();
        for (ActionSpec action : commands.getOrDefault(command, List.of())) {
            String pin = action.pin();
            cancelPendingPulse(pin);
            boolean now = outputs.isHigh(pin);
            boolean target = switch (action.action()) {
                case ON, PULSE -> true;
                case OFF -> false;
                case TOGGLE -> !now;
            };
            if (target != now) {
                outputs.set(pin, target);
                PinChange change = change(pin, target);
                changes.add(change);
                tell(change);
            }
            if (action.action() == Action.PULSE) {
                schedulePulseEnd(pin, action.ms());
            }
        }
        return changes;
    }

    private void schedulePulseEnd(String pin, long ms) {
        long id = ++pulseCount;
        ScheduledFuture<?> end = scheduler.schedule(() -> endPulse(pin, id), ms, TimeUnit.MILLISECONDS);
        pendingPulses.put(pin, new PendingPulse(id, end));
    }

    private synchronized void endPulse(String pin, long id) {
        PendingPulse pending = pendingPulses.get(pin);
        // cancel() cannot stop an end that already started and is waiting for this lock.
        if (closed || pending == null || pending.id() != id) {
            return;
        }
        pendingPulses.remove(pin);
        try {
            if (outputs.isHigh(pin)) {
                outputs.set(pin, false);
                tell(change(pin, false));
            }
        } catch (RuntimeException e) {
            // Nobody waits on this future, so an exception would vanish without this log.
            log.error("could not end the pulse on GPIO {} ({})", pins.get(pin).bcm(), pin, e);
        }
    }

    private void cancelPendingPulse(String pin) {
        PendingPulse pending = pendingPulses.remove(pin);
        if (pending != null) {
            pending.end().cancel(false);
        }
    }

    private PinChange change(String pin, boolean high) {
        return new PinChange(pin, pins.get(pin).bcm(), high);
    }

    private void tell(PinChange change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            // A failing printer must not stop the pins from being driven.
            log.error("pin change listener failed on {}", change.describe(), e);
        }
    }

    /**
     * Cancels pending pulses and closes the outputs, which drives every pin to its shutdown level.
     * Idempotent and safe to call from a shutdown hook.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pendingPulses.values().forEach(pending -> pending.end().cancel(false));
            pendingPulses.clear();
        }
        scheduler.shutdownNow();
        try {
            reportShutdownLevels();
        } finally {
            outputs.close();
        }
    }

    /** Tells the listener which pins the close is about to move, so a user sees the last change too. */
    private void reportShutdownLevels() {
        for (PinSpec pin : pins.values()) {
            boolean high = pin.shutdown() == PinLevel.HIGH;
            if (outputs.isHigh(pin.name()) != high) {
                tell(new PinChange(pin.name(), pin.bcm(), high));
            }
        }
    }
}
