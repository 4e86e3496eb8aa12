package dev.earshot.service;

import dev.earshot.audio.ClipViews;
import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.WavReader;
import dev.earshot.detect.Classification;
import dev.earshot.features.FeatureSettings;
import dev.earshot.features.MfccStream;
import dev.earshot.model.CommandModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Wires file → features → model → verdict for single clips ({@code classify}, {@code eval}): the
 * loudest second, heard in every {@link ClipViews} view, posteriors averaged.
 */
public final class ClipRecognizer {

    private final CommandModel model;
    private final ClipViews views = new ClipViews();
    private final int windowSamples;

    public ClipRecognizer(CommandModel model) {
        this.model = model;
        FeatureSettings features = model.metadata().features();
        // Training pads every clip to whole seconds; cut recordings the same way.
        int framed = (model.metadata().windowFrames() - 1) * features.hopLength() + features.frameLength();
        this.windowSamples = (framed + features.sampleRate() - 1) / features.sampleRate() * features.sampleRate();
    }

    /** The length of the model's window in samples: the length of every view. */
    public int windowSamples() {
        return windowSamples;
    }

    public Classification classify(Path wav) {
        return classify(WavReader.read(wav));
    }

    public Classification classify(float[] samples) {
        float[] window = ClipWindow.loudest(samples, windowSamples);

        List<float[]> heard = views.of(window, windowSamples);
        float[][][] frames = new float[heard.size()][][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = MfccStream.framesOf(heard.get(i), model.metadata().features());
        }
        float[][] posteriors = model.posteriors(frames, frames.length);
        float[] mean = new float[posteriors[0].length];
        for (float[] p : posteriors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += p[i] / posteriors.length;
            }
        }
        return Classification.top(mean, model.metadata().labels());
    }
}
