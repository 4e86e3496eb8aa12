package dev.earshot.gpio;

/**
 * A board of named digital outputs. Kept this small so that {@link CommandResponder} can be tested
 * without Pi4J, and so another backend could replace Pi4J later.
 */
public interface Outputs extends AutoCloseable {

    /** Drives {@code pin} (a name from the config's {@code pins:}) high or low. */
    void set(String pin, boolean high);

    /** The level {@code pin} is currently driven to. */
    boolean isHigh(String pin);

    /**
     * Drives every pin to its shutdown level and releases the hardware. Idempotent, and safe to call
     * from a JVM shutdown hook.
     */
    @Override
    void close();
}
