package dev.earshot.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.earshot.EarshotException;
import dev.earshot.config.GpioProvider;
import dev.earshot.config.GpioSettings;
import dev.earshot.config.PinLevel;
import dev.earshot.config.PinSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config's pins as Pi4J 2.8 digital outputs, on gpiod (a real Pi) or Pi4J's mock.
 *
 * <p>The Pi4J context is built by hand, with auto-detection off, so that the provider is exactly
 * the one chosen here, and with Pi4J's own shutdown hook off, so that shutdown order is ours:
 * pins to their shutdown level first, then the context.
 */
public final class Pi4jOutputs implements Outputs {

    private static final Logger log = LoggerFactory.getLogger(Pi4jOutputs.class);

    private final Context pi4j;
    private final Map<String, PinSpec> pins;
    private final Map<String, DigitalOutput> outputs = new LinkedHashMap<>();
    private final String description;
    private boolean closed;

    private Pi4jOutputs(Context pi4j, Map<String, PinSpec> pins, String description) {
        this.pi4j = pi4j;
        this.pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        this.description = description;
    }

    /**
     * Opens the pins on the provider the settings ask for ({@code auto}: gpiod on a Raspberry Pi,
     * mock elsewhere). Each pin starts at its {@code initial} level.
     *
     * @throws EarshotException if the GPIO chip is missing, not permitted, or cannot be opened
     */
    public static Pi4jOutputs open(GpioSettings settings, Map<String, PinSpec> pins) {
        return open(settings, pins, GpioHost.system());
    }

    /** {@link #open(GpioSettings, Map)} against the given host files (tests use a fake folder). */
    public static Pi4jOutputs open(GpioSettings settings, Map<String, PinSpec> pins, GpioHost host) {
        return switch (resolveProvider(settings.provider(), host)) {
            case MOCK -> openMock(pins);
            case GPIOD -> openGpiod(settings.chip(), pins, host);
            case AUTO -> throw new IllegalStateException("resolveProvider never answers auto");
        };
    }

    /** What {@code auto} means on this host: gpiod on a Raspberry Pi, mock anywhere else. */
    public static GpioProvider resolveProvider(GpioProvider configured, GpioHost host) {
        if (configured != GpioProvider.AUTO) {
            return configured;
        }
        return host.isRaspberryPi() ? GpioProvider.GPIOD : GpioProvider.MOCK;
    }

    /** Opens the pins on Pi4J's in-memory mock: nothing physical changes. */
    public static Pi4jOutputs openMock(Map<String, PinSpec> pins) {
        Context context = Pi4J.newContextBuilder()
                .noAutoDetect()
                .disableShutdownHook()
                .add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance())
                .build();
        return openOn(context, MockDigitalOutputProvider.ID, pins, "mock GPIO (no pin really changes)");
    }

    private static Pi4jOutputs openGpiod(Optional<String> chipSetting, Map<String, PinSpec> pins, GpioHost host) {
        if (!host.isRaspberryPi()) {
            throw new EarshotException("gpio.provider is gpiod, but " + host.deviceTreeModel()
                    + " does not name a Raspberry Pi; use provider auto or mock here");
        }
        String chip = GpioChips.choose(chipSetting, host);
        Context context;
        try {
            context = Pi4J.newContextBuilder()
                    .noAutoDetect()
                    .disableShutdownHook()
                    .add(GpioDDigitalOutputProvider.newInstance())
                    .build();
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: Pi4J's native libgpiod binding does not load on this CPU or OS.
            throw new EarshotException("cannot open GPIO chip " + chip + ": " + rootMessage(e), e);
        }
        return openOn(context, GpioDDigitalOutputProvider.ID, pins, "gpiod on " + chip);
    }

    private static Pi4jOutputs openOn(Context context, String providerId, Map<String, PinSpec> pins, String description) {
        Pi4jOutputs board = new Pi4jOutputs(context, pins, description);
        PinSpec current = null;
        try {
            for (PinSpec pin : pins.values()) {
                current = pin;
                DigitalOutput output = context.create(DigitalOutput.newConfigBuilder(context)
                        .id(ioId(pin.bcm()))
                        .name(pin.name())
                        .address(pin.bcm())
                        .initial(state(pin.initial()))
                        // Pi4J also applies this on context shutdown: a second line of defence.
                        .shutdown(state(pin.shutdown()))
                        .provider(providerId));
                board.outputs.put(pin.name(), output);
            }
        } catch (RuntimeException e) {
            EarshotException failure = new EarshotException("cannot open GPIO " + current.bcm() + " (" + current.name()
                    + ") with " + description + ": " + rootMessage(e), e);
            try {
                board.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        log.info("GPIO outputs open on {}", description);
        return board;
    }

    /** The Pi4J id of the output on {@code bcm}: pin names are free text, Pi4J ids are not. */
    static String ioId(int bcm) {
        return "earshot-gpio-" + bcm;
    }

    /** E.g. "gpiod on gpiochip4" or "mock GPIO (no pin really changes)", for a startup line. */
    public String description() {
        return description;
    }

    /** The Pi4J context, for reading back the mock's pin states in tests. */
    Context context() {
        return pi4j;
    }

    @Override
    public synchronized void set(String pin, boolean high) {
        if (closed) {
            throw new IllegalStateException("GPIO outputs are closed");
        }
        output(pin).state(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public synchronized boolean isHigh(String pin) {
        return output(pin).isHigh();
    }

    /**
     * Drives every pin to its shutdown level, then shuts the Pi4J context down. Idempotent. Keeps
     * going past a failing pin so the others are still made safe, then reports the first failure.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (Map.Entry<String, DigitalOutput> entry : outputs.entrySet()) {
            PinSpec pin = pins.get(entry.getKey());
            try {
                entry.getValue().state(state(pin.shutdown()));
            } catch (RuntimeException e) {
                log.error("could not drive GPIO {} ({}) to its shutdown level {}", pin.bcm(), pin.name(),
                        pin.shutdown().yamlName(), e);
                failure = failure == null ? e : failure;
            }
        }
        try {
            pi4j.shutdown();
        } catch (RuntimeException e) {
            log.error("Pi4J shutdown failed", e);
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw new EarshotException("could not shut GPIO down cleanly: " + rootMessage(failure), failure);
        }
    }

    private DigitalOutput output(String pin) {
        DigitalOutput output = outputs.get(pin);
        if (output == null) {
            throw new IllegalArgumentException("no output pin named " + pin);
        }
        return output;
    }

    private static DigitalState state(PinLevel level) {
        return level.isHigh() ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("Permission denied") || message.contains("EACCES")) {
            return "permission denied; add your user to group gpio (sudo usermod -aG gpio $USER) and log in again";
        }
        return EarshotException.firstLine(message, root.getClass().getSimpleName());
    }
}
