package dev.earshot.features;

/**
 * Turns a stream of samples, in chunks of any size, into MFCC frames every hop.
 *
 * <p>Files and live audio both go through this one class, so a recording gives the same frames
 * whether it is classified whole or heard in real time.
 */
public final class MfccStream {

    /** Receives each frame as soon as its last sample has arrived. */
    @FunctionalInterface
    public interface FrameSink {
        /** @param frame coefficients, valid only during the call */
        void frame(float[] frame);
    }

    private final FixedMfcc mfcc;
    private final float[] window;
    private final int hop;
    private int filled;

    public MfccStream(FeatureSettings settings) {
        this(settings, 1.0);
    }

    /** @param warp the filterbank's frequency warp, for training variants only ({@link FixedMfcc}) */
    public MfccStream(FeatureSettings settings, double warp) {
        this.mfcc = new FixedMfcc(settings, warp);
        this.window = new float[settings.frameLength()];
        this.hop = settings.hopLength();
    }

    public FeatureSettings settings() {
        return mfcc.settings();
    }

    /** Feeds {@code count} samples and emits every frame they complete. */
    public void process(float[] samples, int count, FrameSink sink) {
        for (int i = 0; i < count; i++) {
            window[filled++] = samples[i];
            if (filled == window.length) {
                sink.frame(mfcc.compute(window));
                System.arraycopy(window, hop, window, 0, window.length - hop);
                filled -= hop;
            }
        }
    }

    /** Frames of a whole clip: {@code settings.framesIn(samples.length)} rows. */
    public static float[][] framesOf(float[] samples, FeatureSettings settings) {
        return framesOf(samples, settings, 1.0);
    }

    /** Frames of a whole clip with the filterbank warped ({@link FixedMfcc}): training variants only. */
    public static float[][] framesOf(float[] samples, FeatureSettings settings, double warp) {
        float[][] frames = new float[settings.framesIn(samples.length)][];
        int[] next = {0};
        new MfccStream(settings, warp).process(samples, samples.length, frame -> frames[next[0]++] = frame.clone());
        return frames;
    }
}
