package dev.earshot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How eagerly a posterior becomes a detected command.
 *
 * @param threshold posterior a command must reach, unless overridden in {@code thresholds}
 * @param thresholds per-command overrides, in file order
 * @param refractoryMs after any detection, no further detection for this long
 * @param smoothingMs width of the posterior smoothing window
 * @param holdMs how long a command must stay above its threshold before it fires
 * @param secondLook how sure the second look at a detection must be (see {@code detect.SecondLook}); 0: no second look
 */
public record DetectionSettings(double threshold, Map<String, Double> thresholds, long refractoryMs, long smoothingMs,
        long holdMs, double secondLook) {

    // Chosen on the validation streams (models/README.md, "Streaming"), never on the test streams.
    public static final double DEFAULT_THRESHOLD = 0.85;
    public static final double DEFAULT_SECOND_LOOK = 0.80;
    public static final long DEFAULT_REFRACTORY_MS = 1000;
    public static final long DEFAULT_SMOOTHING_MS = 200;
    public static final long DEFAULT_HOLD_MS = 100;

    public DetectionSettings {
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_THRESHOLD, Map.of(), DEFAULT_REFRACTORY_MS, DEFAULT_SMOOTHING_MS, DEFAULT_HOLD_MS,
                DEFAULT_SECOND_LOOK);
    }

    /** These settings with another second look (0: none). */
    public DetectionSettings withSecondLook(double look) {
        return new DetectionSettings(threshold, thresholds, refractoryMs, smoothingMs, holdMs, look);
    }

    /** These settings with one threshold for every command, as a sweep of thresholds tries them. */
    public DetectionSettings withThreshold(double everyCommand) {
        return new DetectionSettings(everyCommand, Map.of(), refractoryMs, smoothingMs, holdMs, secondLook);
    }

    /** The threshold that applies to {@code command}. */
    public double thresholdFor(String command) {
        return thresholds.getOrDefault(command, threshold);
    }
}
