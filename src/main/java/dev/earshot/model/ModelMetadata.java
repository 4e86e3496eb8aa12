package dev.earshot.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.EarshotException;
import dev.earshot.features.FeatureSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model file says about itself: the labels of its outputs, the features it was trained on,
 * and the per-coefficient statistics its inputs are normalised with.
 *
 * <p>Stored as JSON under the ONNX metadata key {@value #KEY}, written by {@code scripts/train.py}.
 *
 * @param labels       output labels in output order: commands, {@value #SILENCE} and {@value #UNKNOWN}
 * @param features     the front end that produced the training frames
 * @param mean         per-coefficient mean of the training frames
 * @param std          per-coefficient standard deviation of the training frames
 * @param windowFrames frames in one clip the model was trained on (one second)
 */
public record ModelMetadata(List<String> labels, FeatureSettings features, float[] mean, float[] std, int windowFrames) {

    public static final String KEY = "earshot";
    public static final String SILENCE = "_silence_";
    public static final String UNKNOWN = "_unknown_";

    /** A label that names something to do, rather than silence or another word. */
    public static boolean isCommand(String label) {
        return !label.equals(SILENCE) && !label.equals(UNKNOWN);
    }

    public List<String> commands() {
        return labels.stream().filter(ModelMetadata::isCommand).toList();
    }

    static ModelMetadata parse(String json, String origin) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<String> labels = new ArrayList<>();
            root.required("labels").forEach(label -> labels.add(label.asText()));
            JsonNode f = root.required("features");
            FeatureSettings features = new FeatureSettings(
                    f.required("sample_rate").asInt(), f.required("frame_length").asInt(), f.required("hop_length").asInt(),
                    f.required("mel_bands").asInt(), f.required("coefficients").asInt(),
                    (float) f.required("low_hz").asDouble(), (float) f.required("high_hz").asDouble());
            JsonNode norm = root.required("normalisation");
            float[] mean = floats(norm.required("mean"));
            float[] std = floats(norm.required("std"));
            int windowFrames = root.required("window_frames").asInt();
            ModelMetadata metadata = new ModelMetadata(List.copyOf(labels), features, mean, std, windowFrames);
            metadata.validate(origin);
            return metadata;
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EarshotException(origin + ": broken Earshot metadata: " + EarshotException.firstLine(e.getMessage(), "unreadable"));
        }
    }

    private void validate(String origin) {
        features.requireSupported(origin);
        if (labels.isEmpty() || labels.stream().noneMatch(ModelMetadata::isCommand)) {
            throw new EarshotException(origin + ": the model names no commands among its labels " + labels);
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new EarshotException(origin + ": the model's labels repeat: " + labels);
        }
        if (mean.length != features.coefficients() || std.length != features.coefficients()) {
            throw new EarshotException(origin + ": normalisation has " + mean.length + " means and " + std.length
                    + " deviations for " + features.coefficients() + " coefficients");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new EarshotException(origin + ": normalisation has a non-positive standard deviation");
            }
        }
        if (windowFrames < 1) {
            throw new EarshotException(origin + ": window of " + windowFrames + " frames");
        }
    }

    private static float[] floats(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers");
        }
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }
}
