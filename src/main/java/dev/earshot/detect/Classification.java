package dev.earshot.detect;

import java.util.List;

/**
 * The verdict on one clip: the most probable label and its posterior.
 */
public record Classification(String label, float confidence) {

    public static Classification top(float[] posteriors, List<String> labels) {
        int best = 0;
        for (int i = 1; i < posteriors.length; i++) {
            if (posteriors[i] > posteriors[best]) {
                best = i;
            }
        }
        return new Classification(labels.get(best), posteriors[best]);
    }
}
