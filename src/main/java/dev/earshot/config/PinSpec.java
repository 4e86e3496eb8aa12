package dev.earshot.config;

/**
 * A named output pin.
 *
 * @param name the key under {@code pins:}
 * @param bcm the Broadcom GPIO number (0..27 on the 40-pin header)
 * @param initial level driven as soon as the pin is opened
 * @param shutdown level driven when Earshot stops, however it stops
 */
public record PinSpec(String name, int bcm, PinLevel initial, PinLevel shutdown) {

    public static final int MIN_BCM = 0;
    public static final int MAX_BCM = 27;
}
