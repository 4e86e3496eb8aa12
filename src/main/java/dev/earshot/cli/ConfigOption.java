package dev.earshot.cli;

import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command that maps commands to pins or detects in streams. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file: pins, commands, detection settings (default: the built-in firmware-config/earshot.yaml)")
    Path config;

    EarshotConfig load() {
        return config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
    }
}
