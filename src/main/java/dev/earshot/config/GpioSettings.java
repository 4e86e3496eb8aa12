package dev.earshot.config;

import java.util.Optional;

/**
 * @param provider which Pi4J provider to use
 * @param chip the gpiod chip name (e.g. {@code gpiochip4}); empty means detect it
 */
public record GpioSettings(GpioProvider provider, Optional<String> chip) {

    public static GpioSettings defaults() {
        return new GpioSettings(GpioProvider.AUTO, Optional.empty());
    }
}
