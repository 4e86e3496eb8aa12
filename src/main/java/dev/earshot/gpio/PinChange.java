package dev.earshot.gpio;

/**
 * One output pin changed level.
 *
 * @param pin the pin's name from the config
 * @param bcm its BCM GPIO number
 * @param high the new level
 */
public record PinChange(String pin, int bcm, boolean high) {

    /** The line the command line prints, e.g. {@code GPIO 17 (lamp) -> HIGH}. */
    public String describe() {
        return "GPIO " + bcm + " (" + pin + ") -> " + (high ? "HIGH" : "LOW");
    }
}
