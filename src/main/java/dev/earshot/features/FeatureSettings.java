package dev.earshot.features;

import dev.earshot.EarshotException;

/**
 * How audio becomes MFCC frames. A model is trained on one setting and carries it in its metadata,
 * so the front end at inference is configured from the model, never the other way round.
 *
 * @param sampleRate   samples per second of the audio the frames are computed from
 * @param frameLength  samples per analysis frame (also the FFT size)
 * @param hopLength    samples between the starts of consecutive frames
 * @param melBands     triangular mel filters
 * @param coefficients cepstral coefficients kept per frame
 * @param lowHz        lower edge of the first mel filter
 * @param highHz       upper edge of the last mel filter
 */
public record FeatureSettings(
        int sampleRate, int frameLength, int hopLength, int melBands, int coefficients, float lowHz, float highHz) {

    /** 32 ms frames every 20 ms: 50 frames a second keeps the LSTM cheap enough for a Pi. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(16000, 512, 320, 40, 20, 60f, 7600f);

    /** The only rate the audio stage delivers. */
    public static final int SUPPORTED_SAMPLE_RATE = 16000;

    /**
     * Refuses settings this front end cannot produce, naming the offending value.
     *
     * @param origin what the settings came from, for the message (a model file, say)
     */
    public void requireSupported(String origin) {
        if (sampleRate != SUPPORTED_SAMPLE_RATE) {
            throw unsupported(origin, "sample rate " + sampleRate + " Hz (the audio stage delivers " + SUPPORTED_SAMPLE_RATE + " Hz)");
        }
        if (frameLength < 64 || frameLength > 4096 || Integer.bitCount(frameLength) != 1) {
            throw unsupported(origin, "frame length " + frameLength + " (must be a power of two from 64 to 4096)");
        }
        if (hopLength < 1 || hopLength > frameLength) {
            throw unsupported(origin, "hop " + hopLength + " (must be 1.." + frameLength + ")");
        }
        if (melBands < 2 || melBands > frameLength / 4) {
            throw unsupported(origin, melBands + " mel bands (must be 2.." + frameLength / 4 + " for frame length " + frameLength + ")");
        }
        if (coefficients < 1 || coefficients > melBands) {
            throw unsupported(origin, coefficients + " coefficients (must be 1.." + melBands + ")");
        }
        if (!(lowHz >= 0 && lowHz < highHz && highHz <= sampleRate / 2f)) {
            throw unsupported(origin, "mel range " + lowHz + ".." + highHz + " Hz (must lie within 0.." + sampleRate / 2 + " Hz)");
        }
    }

    /** Number of whole frames in a stretch of samples. */
    public int framesIn(int samples) {
        return samples < frameLength ? 0 : 1 + (samples - frameLength) / hopLength;
    }

    public double secondsPerHop() {
        return hopLength / (double) sampleRate;
    }

    private static EarshotException unsupported(String origin, String what) {
        return new EarshotException(origin + ": unsupported feature setting: " + what);
    }
}
