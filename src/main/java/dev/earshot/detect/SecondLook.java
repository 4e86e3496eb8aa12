package dev.earshot.detect;

/**
 * The last word on a detection: the second of audio it fired on, heard again as a clip is heard
 * (in several views, their posteriors averaged), must give the same command, at least this sure.
 *
 * <p>A sliding window sees a word once per evaluation, and a stray match (the start of another
 * word, two words in one window) can lead for long enough to fire; heard again at other shifts
 * and speeds it rarely holds. So the detector may fire at a lower threshold, which hears more
 * commands, and the second look takes back most of the false accepts that lets in. Chosen on the
 * validation streams (models/README.md, "Streaming": second look).
 *
 * @param threshold the verdict's posterior for the detected command must reach this
 */
public record SecondLook(double threshold) {

    /** Whether {@code verdict}, the detection's window heard again, confirms {@code detection}. */
    public boolean confirms(Detection detection, Classification verdict) {
        return verdict.label().equals(detection.command()) && verdict.confidence() >= threshold;
    }
}
