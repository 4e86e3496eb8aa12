package dev.earshot.detect;

import dev.earshot.model.ModelMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from a stream of posteriors, when a command was spoken.
 *
 * <p>Raw posteriors flicker as a word slides through the model's window, so they are averaged over
 * the last few evaluations; a command fires when its average leads, passes its threshold for enough
 * evaluations in a row, and no detection fired within the refractory time. Silence and unknown
 * words never fire.
 */
public final class CommandDetector {

    private final List<String> labels;
    private final boolean[] isCommand;
    private final double[] thresholds;
    private final DetectorSettings settings;
    private final float[][] history;
    private final float[] smoothed;
    private int filled;
    private int next;
    private int candidate = -1;
    private int streak;
    private double lastFired = Double.NEGATIVE_INFINITY;

    public CommandDetector(List<String> labels, DetectorSettings settings) {
        this.labels = List.copyOf(labels);
        this.settings = settings;
        this.isCommand = new boolean[labels.size()];
        this.thresholds = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            isCommand[i] = ModelMetadata.isCommand(labels.get(i));
            thresholds[i] = settings.thresholdFor(labels.get(i));
        }
        this.history = new float[settings.smoothingWindows()][labels.size()];
        this.smoothed = new float[labels.size()];
    }

    /**
     * Takes the posteriors of one evaluation.
     *
     * @param posteriors  one per label, in the model's label order
     * @param timeSeconds position in the audio of the end of the evaluated window
     * @return the detection that fires now, if any
     */
    public Optional<Detection> process(float[] posteriors, double timeSeconds) {
        System.arraycopy(posteriors, 0, history[next], 0, posteriors.length);
        next = (next + 1) % history.length;
        filled = Math.min(filled + 1, history.length);
        int top = 0;
        for (int label = 0; label < smoothed.length; label++) {
            float sum = 0;
            for (int h = 0; h < filled; h++) {
                sum += history[h][label];
            }
            smoothed[label] = sum / filled;
            if (smoothed[label] > smoothed[top]) {
                top = label;
            }
        }
        boolean above = isCommand[top] && smoothed[top] >= thresholds[top];
        streak = above && top == candidate ? streak + 1 : above ? 1 : 0;
        candidate = above ? top : -1;
        if (streak < settings.minConsecutive() || timeSeconds - lastFired < settings.refractorySeconds()) {
            return Optional.empty();
        }
        lastFired = timeSeconds;
        streak = 0;
        candidate = -1;
        return Optional.of(new Detection(timeSeconds, labels.get(top), smoothed[top]));
    }

    /** Forgets the posteriors heard so far, as after a gap in the audio; the refractory time still holds. */
    public void reset() {
        filled = 0;
        next = 0;
        streak = 0;
        candidate = -1;
    }
}
