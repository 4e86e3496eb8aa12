package dev.earshot.service;

import dev.earshot.audio.AudioSource;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.features.FeatureSettings;
import dev.earshot.features.MfccStream;
import dev.earshot.model.CommandModel;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Wires a continuous stream through the pipeline: samples → MFCC frames → the model over the last
 * window of frames, every stride → detector → detections.
 *
 * <p>Files and live input run through the same code, so {@code run --input FILE} detects exactly
 * what a test over that file detects.
 */
public final class StreamRecognizer {

    private final CommandModel model;
    private final CommandDetector detector;
    private final int strideFrames;
    private final FeatureSettings features;
    private final float[][] window;
    private final float[][] ordered;
    private long frames;

    /** @param strideFrames frames between evaluations of the model */
    public StreamRecognizer(CommandModel model, CommandDetector detector, int strideFrames) {
        this.model = model;
        this.detector = detector;
        this.strideFrames = strideFrames;
        this.features = model.metadata().features();
        int windowFrames = model.metadata().windowFrames();
        this.window = new float[windowFrames][features.coefficients()];
        this.ordered = new float[windowFrames][];
    }

    /** Reads the source to its end (or until the thread is interrupted), reporting each detection. */
    public void listen(AudioSource source, Consumer<Detection> detections) throws IOException {
        MfccStream mfcc = new MfccStream(features);
        float[] buffer = new float[features.hopLength()];
        int n;
        while (!Thread.currentThread().isInterrupted() && (n = source.read(buffer)) >= 0) {
            mfcc.process(buffer, n, frame -> onFrame(frame, detections));
        }
    }

    private void onFrame(float[] frame, Consumer<Detection> detections) {
        System.arraycopy(frame, 0, window[(int) (frames % window.length)], 0, frame.length);
        frames++;
        if (frames < window.length || (frames - window.length) % strideFrames != 0) {
            return;
        }
        for (int i = 0; i < window.length; i++) {
            ordered[i] = window[(int) ((frames + i) % window.length)];
        }
        double endOfWindow = ((frames - 1) * features.hopLength() + features.frameLength()) / (double) features.sampleRate();
        detector.process(model.posteriors(ordered), endOfWindow).ifPresent(detections);
    }
}
