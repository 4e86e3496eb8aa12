package dev.earshot.detect;

/**
 * A command heard in a stream.
 *
 * @param timeSeconds position in the audio at which the detection fired
 * @param command     the command's label
 * @param confidence  its smoothed posterior when it fired
 */
public record Detection(double timeSeconds, String command, float confidence) {
}
