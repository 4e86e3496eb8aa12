package dev.earshot.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole config file, validated. Maps keep the order of the file so listings match what the
 * user wrote.
 *
 * @param model the ONNX model to load; empty means the model bundled in the jar
 * @param audio microphone settings
 * @param gpio which GPIO backend to use
 * @param pins named outputs, by name
 * @param commands command word to the actions it triggers, in order
 * @param detection thresholds and timing of detection
 * @param source where this config came from (a file path or the built-in default), for messages
 */
public record EarshotConfig(
        Optional<Path> model,
        AudioSettings audio,
        GpioSettings gpio,
        Map<String, PinSpec> pins,
        Map<String, List<ActionSpec>> commands,
        DetectionSettings detection,
        String source) {

    public EarshotConfig {
        pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        Map<String, List<ActionSpec>> copy = new LinkedHashMap<>();
        commands.forEach((word, actions) -> copy.put(word, List.copyOf(actions)));
        commands = Collections.unmodifiableMap(copy);
    }

    /**
     * Fails if {@code commands:} or {@code detection.thresholds:} name a word the model cannot
     * detect: such a mapping would silently never fire.
     *
     * @param labels the words the loaded model knows
     * @throws ConfigException naming the first unknown word and listing the known ones
     */
    public void requireCommandsKnown(Collection<String> labels) {
        List<String> problems = new ArrayList<>();
        for (String word : commands.keySet()) {
            if (!labels.contains(word)) {
                problems.add("commands." + word);
            }
        }
        for (String word : detection.thresholds().keySet()) {
            if (!labels.contains(word)) {
                problems.add("detection.thresholds." + word);
            }
        }
        if (!problems.isEmpty()) {
            String key = problems.get(0);
            String word = key.substring(key.lastIndexOf('.') + 1);
            throw new ConfigException(source + ": " + key + ": the model does not know the command '" + word
                    + "' (it knows: " + String.join(", ", labels) + ")");
        }
    }
}
