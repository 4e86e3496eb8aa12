package dev.earshot.config;

import dev.earshot.config.RawConfig.RawAction;
import dev.earshot.config.RawConfig.RawDetection;
import dev.earshot.config.RawConfig.RawGpio;
import dev.earshot.config.RawConfig.RawPin;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a {@link RawConfig} into an {@link EarshotConfig}, or says in one line what is wrong. */
final class ConfigValidator {

    private static final Pattern CHIP_NAME = Pattern.compile("gpiochip\\d+");

    private final String source;
    private final YamlLines lines;
    private final Path baseDir;

    ConfigValidator(String source, YamlLines lines, Path baseDir) {
        this.source = source;
        this.lines = lines;
        this.baseDir = baseDir;
    }

    EarshotConfig validate(RawConfig raw) {
        Map<String, PinSpec> pins = pins(raw.pins());
        return new EarshotConfig(
                model(raw.model()),
                audio(raw.audio()),
                gpio(raw.gpio()),
                pins,
                commands(raw.commands(), pins),
                detection(raw.detection()),
                source);
    }

    private Optional<Path> model(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.isBlank()) {
            throw error("model", "empty path (write null to use the model built into Earshot)");
        }
        Path path;
        try {
            path = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw error("model", "not a valid path: '" + text + "'");
        }
        // Relative to the config file, so a config folder can be moved together with its model.
        Path resolved = (path.isAbsolute() ? path : baseDir.resolve(path)).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw error("model", "model file not found: " + resolved);
        }
        return Optional.of(resolved);
    }

    private AudioSettings audio(RawConfig.RawAudio raw) {
        if (raw == null || raw.device() == null) {
            return AudioSettings.defaults();
        }
        if (raw.device().isBlank()) {
            throw error("audio.device", "empty device name (use \"default\" for the system default microphone)");
        }
        return new AudioSettings(raw.device().strip());
    }

    private GpioSettings gpio(RawGpio raw) {
        if (raw == null) {
            return GpioSettings.defaults();
        }
        GpioProvider provider = GpioProvider.AUTO;
        if (raw.provider() != null) {
            provider = parseProvider(raw.provider());
        }
        Optional<String> chip = Optional.empty();
        if (raw.chip() != null && !raw.chip().strip().equals("auto")) {
            String name = raw.chip().strip();
            if (name.startsWith("/dev/")) {
                name = name.substring("/dev/".length());
            }
            if (!CHIP_NAME.matcher(name).matches()) {
                throw error("gpio.chip", "expected auto or a chip name like gpiochip0, got '" + raw.chip() + "'");
            }
            chip = Optional.of(name);
        }
        return new GpioSettings(provider, chip);
    }

    private GpioProvider parseProvider(String text) {
        for (GpioProvider p : GpioProvider.values()) {
            if (p.yamlName().equals(text.strip())) {
                return p;
            }
        }
        throw error("gpio.provider", "unknown provider '" + text + "' (expected auto, gpiod, mock)");
    }

    private Map<String, PinSpec> pins(Map<String, RawPin> raw) {
        Map<String, PinSpec> pins = new LinkedHashMap<>();
        if (raw == null) {
            return pins;
        }
        Map<Integer, String> nameByBcm = new HashMap<>();
        raw.forEach((name, pin) -> {
            String key = "pins." + name;
            if (pin == null) {
                throw error(key, "expected a pin like { bcm: 17, initial: low, shutdown: low }");
            }
            if (pin.bcm() == null) {
                throw error(key, "missing bcm (the pin's BCM GPIO number, " + PinSpec.MIN_BCM + ".." + PinSpec.MAX_BCM + ")");
            }
            int bcm = pin.bcm();
            if (bcm < PinSpec.MIN_BCM || bcm > PinSpec.MAX_BCM) {
                throw error(key + ".bcm", "bad pin number " + bcm + " (BCM numbers on the 40-pin header are "
                        + PinSpec.MIN_BCM + ".." + PinSpec.MAX_BCM + ")");
            }
            String other = nameByBcm.putIfAbsent(bcm, name);
            if (other != null) {
                throw error(key + ".bcm", "pin " + bcm + " is used by both " + other + " and " + name);
            }
            pins.put(name, new PinSpec(name, bcm, level(key + ".initial", pin.initial()),
                    level(key + ".shutdown", pin.shutdown())));
        });
        return pins;
    }

    private PinLevel level(String key, String text) {
        if (text == null) {
            return PinLevel.LOW;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "low" -> PinLevel.LOW;
            case "high" -> PinLevel.HIGH;
            default -> throw error(key, "unknown level '" + text + "' (expected low or high)");
        };
    }

    private Map<String, List<ActionSpec>> commands(Map<String, List<RawAction>> raw, Map<String, PinSpec> pins) {
        Map<String, List<ActionSpec>> commands = new LinkedHashMap<>();
        if (raw == null) {
            return commands;
        }
        raw.forEach((word, rawActions) -> {
            String key = "commands." + word;
            if (rawActions == null) {
                throw error(key, "expected a list of actions like [ { pin: lamp, action: on } ] (write [] for none)");
            }
            List<ActionSpec> actions = new ArrayList<>();
            for (int i = 0; i < rawActions.size(); i++) {
                actions.add(action(key + "[" + i + "]", rawActions.get(i), pins));
            }
            commands.put(word, actions);
        });
        return commands;
    }

    private ActionSpec action(String key, RawAction raw, Map<String, PinSpec> pins) {
        if (raw == null) {
            throw error(key, "expected an action like { pin: lamp, action: on }");
        }
        if (raw.pin() == null) {
            throw error(key, "missing pin (one of the names under pins:)");
        }
        if (!pins.containsKey(raw.pin())) {
            String defined = pins.isEmpty() ? "none are defined" : "defined: " + String.join(", ", pins.keySet());
            throw error(key + ".pin", "no pin named '" + raw.pin() + "' under pins: (" + defined + ")");
        }
        if (raw.action() == null) {
            throw error(key, "missing action (expected " + Action.choices() + ")");
        }
        Action action = Action.parse(raw.action().strip())
                .orElseThrow(() -> error(key + ".action",
                        "unknown action '" + raw.action() + "' (expected " + Action.choices() + ")"));
        long ms = 0;
        if (action == Action.PULSE) {
            if (raw.ms() == null) {
                throw error(key, "pulse needs ms, the pulse length in milliseconds, e.g. { pin: "
                        + raw.pin() + ", action: pulse, ms: 200 }");
            }
            if (raw.ms() <= 0) {
                throw error(key + ".ms", "pulse length must be more than 0 ms, got " + raw.ms());
            }
            ms = raw.ms();
        } else if (raw.ms() != null) {
            throw error(key + ".ms", "ms only applies to action pulse, not " + action.yamlName());
        }
        return new ActionSpec(raw.pin(), action, ms);
    }

    private DetectionSettings detection(RawDetection raw) {
        if (raw == null) {
            return DetectionSettings.defaults();
        }
        double threshold = raw.threshold() == null ? DetectionSettings.DEFAULT_THRESHOLD
                : threshold("detection.threshold", raw.threshold());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        if (raw.thresholds() != null) {
            raw.thresholds().forEach((word, value) ->
                    thresholds.put(word, threshold("detection.thresholds." + word, value)));
        }
        long refractory = raw.refractoryMs() == null ? DetectionSettings.DEFAULT_REFRACTORY_MS
                : notNegative("detection.refractory_ms", raw.refractoryMs());
        long smoothing = raw.smoothingMs() == null ? DetectionSettings.DEFAULT_SMOOTHING_MS
                : notNegative("detection.smoothing_ms", raw.smoothingMs());
        long hold = raw.holdMs() == null ? DetectionSettings.DEFAULT_HOLD_MS
                : notNegative("detection.hold_ms", raw.holdMs());
        double secondLook = raw.secondLook() == null ? DetectionSettings.DEFAULT_SECOND_LOOK : secondLook(raw.secondLook());
        return new DetectionSettings(threshold, thresholds, refractory, smoothing, hold, secondLook);
    }

    private double secondLook(Double value) {
        // 0 is allowed here (no second look), unlike a threshold; NaN fails as there.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw error("detection.second_look", "must be 0 (off) or a posterior at most 1, got " + value);
        }
        return value;
    }

    private double threshold(String key, Double value) {
        // Written as a negated range test so that NaN (".nan" in YAML) fails too.
        if (value == null || !(value > 0.0 && value <= 1.0)) {
            throw error(key, "threshold must be more than 0 and at most 1, got " + value);
        }
        return value;
    }

    private long notNegative(String key, long value) {
        if (value < 0) {
            throw error(key, "must not be negative, got " + value);
        }
        return value;
    }

    private ConfigException error(String key, String problem) {
        Integer line = lines.lineOf(key);
        return new ConfigException(source + ": " + (line == null ? "" : "line " + line + ": ") + key + ": " + problem);
    }
}
