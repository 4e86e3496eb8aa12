package dev.earshot.detect;

import java.util.Map;

/**
 * How sure the detector must be before it acts.
 *
 * @param threshold         smoothed posterior a command must reach, unless overridden
 * @param thresholds        per-command overrides
 * @param smoothingWindows  posterior vectors averaged (the last N evaluations)
 * @param minConsecutive    evaluations in a row the same command must stay above threshold
 * @param refractorySeconds quiet time after a detection, so one word fires once
 */
public record DetectorSettings(
        double threshold, Map<String, Double> thresholds, int smoothingWindows, int minConsecutive, double refractorySeconds) {

    public DetectorSettings {
        thresholds = Map.copyOf(thresholds);
        if (smoothingWindows < 1 || minConsecutive < 1 || refractorySeconds < 0) {
            throw new IllegalArgumentException("smoothing and consecutive counts must be >= 1, refractory time >= 0");
        }
    }

    public double thresholdFor(String command) {
        return thresholds.getOrDefault(command, threshold);
    }
}
