package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The file exactly as written, before validation. Everything is nullable and enum-like values are
 * plain strings so that {@link ConfigValidator} can word each problem itself (Jackson's own enum
 * messages would name Java classes).
 */
record RawConfig(
        String model,
        RawAudio audio,
        RawGpio gpio,
        LinkedHashMap<String, RawPin> pins,
        LinkedHashMap<String, List<RawAction>> commands,
        RawDetection detection) {

    record RawAudio(String device) {
    }

    record RawGpio(String provider, String chip) {
    }

    record RawPin(Integer bcm, String initial, String shutdown) {
    }

    record RawAction(String pin, String action, Long ms) {
    }

    record RawDetection(
            Double threshold,
            LinkedHashMap<String, Double> thresholds,
            @JsonProperty("refractory_ms") Long refractoryMs,
            @JsonProperty("smoothing_ms") Long smoothingMs,
            @JsonProperty("hold_ms") Long holdMs,
            @JsonProperty("second_look") Double secondLook) {
    }
}
