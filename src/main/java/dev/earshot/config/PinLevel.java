package dev.earshot.config;

import java.util.Locale;

/** A logic level for an output pin's {@code initial} and {@code shutdown} state. */
public enum PinLevel {
    LOW,
    HIGH;

    public boolean isHigh() {
        return this == HIGH;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
