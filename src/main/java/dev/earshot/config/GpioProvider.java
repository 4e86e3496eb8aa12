package dev.earshot.config;

import java.util.Locale;

/** Which Pi4J provider drives the outputs. */
public enum GpioProvider {
    /** gpiod on a Raspberry Pi, mock anywhere else. */
    AUTO,
    /** The kernel's GPIO character device through libgpiod (a real Pi). */
    GPIOD,
    /** Pi4J's in-memory mock: nothing physical changes. */
    MOCK;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
