package dev.earshot.config;

import dev.earshot.EarshotException;

/**
 * The config file is wrong. The message is a single line of the form
 * {@code FILE: line N: key.path: problem} so the user can jump straight to the mistake.
 */
public class ConfigException extends EarshotException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
