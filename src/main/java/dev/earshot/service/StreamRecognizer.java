package dev.earshot.service;

import dev.earshot.audio.AudioSource;
import dev.earshot.features.FeatureSettings;
import dev.earshot.features.MfccStream;
import dev.earshot.model.CommandModel;
import java.io.IOException;

/**
 * Runs a continuous stream through the front of the pipeline: samples → MFCC frames → the model
 * over the last window of frames, every stride → posteriors with their time in the stream.
 *
 * <p>Files and live input run through the same code, so {@code run --input FILE} hears exactly
 * what {@code stream FILE} hears.
 */
public final class StreamRecognizer {

    /** Receives the model's posteriors for each evaluated window. */
    @FunctionalInterface
    public interface PosteriorSink {
        /**
         * @param posteriors  one per label; valid only during the call
         * @param timeSeconds position in the stream of the end of the evaluated window
         */
        void posteriors(float[] posteriors, double timeSeconds);
    }

    private final CommandModel model;
    private final int strideFrames;
    private final FeatureSettings features;
    private final float[][] window;
    private final float[][][] pending;
    private final double[] pendingTimes;
    private int pendingCount;
    private long frames;

    /**
     * @param strideFrames frames between evaluations of the model
     * @param batch        windows evaluated together: 1 for live audio, which must not wait;
     *                     more for a recording, where the next windows are already there
     */
    public StreamRecognizer(CommandModel model, int strideFrames, int batch) {
        this.model = model;
        this.strideFrames = strideFrames;
        this.features = model.metadata().features();
        int windowFrames = model.metadata().windowFrames();
        this.window = new float[windowFrames][features.coefficients()];
        this.pending = new float[batch][windowFrames][features.coefficients()];
        this.pendingTimes = new double[batch];
    }

    /** Reads the source to its end (or until the thread is interrupted). */
    public void listen(AudioSource source, PosteriorSink sink) throws IOException {
        MfccStream mfcc = new MfccStream(features);
        float[] buffer = new float[features.hopLength()];
        int n;
        while (!Thread.currentThread().isInterrupted() && (n = source.read(buffer)) >= 0) {
            mfcc.process(buffer, n, frame -> onFrame(frame, sink));
        }
        evaluatePending(sink);
    }

    private void onFrame(float[] frame, PosteriorSink sink) {
        System.arraycopy(frame, 0, window[(int) (frames % window.length)], 0, frame.length);
        frames++;
        if (frames < window.length || (frames - window.length) % strideFrames != 0) {
            return;
        }
        float[][] ordered = pending[pendingCount];
        for (int i = 0; i < window.length; i++) {
            System.arraycopy(window[(int) ((frames + i) % window.length)], 0, ordered[i], 0, ordered[i].length);
        }
        pendingTimes[pendingCount++] = ((frames - 1) * features.hopLength() + features.frameLength()) / (double) features.sampleRate();
        if (pendingCount == pending.length) {
            evaluatePending(sink);
        }
    }

    private void evaluatePending(PosteriorSink sink) {
        if (pendingCount == 0) {
            return;
        }
        float[][] posteriors = model.posteriors(pending, pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            sink.posteriors(posteriors[i], pendingTimes[i]);
        }
        pendingCount = 0;
    }
}
