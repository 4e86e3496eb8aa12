package dev.earshot.service;

import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.WavReader;
import dev.earshot.detect.Classification;
import dev.earshot.features.FeatureSettings;
import dev.earshot.features.MfccStream;
import dev.earshot.model.CommandModel;
import java.nio.file.Path;

/** Wires file → features → model → verdict for single clips ({@code classify}, {@code eval}). */
public final class ClipRecognizer {

    private final CommandModel model;
    private final int windowSamples;

    public ClipRecognizer(CommandModel model) {
        this.model = model;
        FeatureSettings features = model.metadata().features();
        // Training pads every clip to whole seconds; cut recordings the same way.
        int framed = (model.metadata().windowFrames() - 1) * features.hopLength() + features.frameLength();
        this.windowSamples = (framed + features.sampleRate() - 1) / features.sampleRate() * features.sampleRate();
    }

    public Classification classify(Path wav) {
        return classify(WavReader.read(wav));
    }

    public Classification classify(float[] samples) {
        float[] window = ClipWindow.loudest(samples, windowSamples);
        float[][] frames = MfccStream.framesOf(window, model.metadata().features());
        return Classification.top(model.posteriors(frames), model.metadata().labels());
    }
}
