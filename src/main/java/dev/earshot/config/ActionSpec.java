package dev.earshot.config;

/**
 * One step of a command.
 *
 * @param pin the name of a pin under {@code pins:}
 * @param action what to do to it
 * @param ms pulse length in milliseconds; 0 for every action except {@link Action#PULSE}
 */
public record ActionSpec(String pin, Action action, long ms) {
}
