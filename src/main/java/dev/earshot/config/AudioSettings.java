package dev.earshot.config;

/**
 * @param device a substring of the Java Sound mixer name, or {@code "default"} for the system default
 */
public record AudioSettings(String device) {

    public static final String DEFAULT_DEVICE = "default";

    public static AudioSettings defaults() {
        return new AudioSettings(DEFAULT_DEVICE);
    }

    public boolean isDefaultDevice() {
        return DEFAULT_DEVICE.equals(device);
    }
}
