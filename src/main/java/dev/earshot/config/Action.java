package dev.earshot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a command does to one output pin. */
public enum Action {
    ON,
    OFF,
    TOGGLE,
    /** High now, low again after {@link ActionSpec#ms()} milliseconds. */
    PULSE;

    /** The spelling used in the YAML file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Action> parse(String text) {
        return Arrays.stream(values()).filter(a -> a.yamlName().equals(text)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(Action::yamlName).collect(Collectors.joining(", "));
    }
}
