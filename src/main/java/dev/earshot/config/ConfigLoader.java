package dev.earshot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.earshot.EarshotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads {@code earshot.yaml} into an {@link EarshotConfig}; every user mistake becomes a one-line {@link ConfigException}. */
public final class ConfigLoader {

    /** Classpath location of the built-in default config (a copy of {@code firmware-config/earshot.yaml}). */
    public static final String DEFAULT_RESOURCE = "/dev/earshot/config/earshot.yaml";
    static final String DEFAULT_SOURCE = "built-in earshot.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            // YAML 1.1 reads on/off/yes/no as booleans; here they are command words and action names.
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            // A repeated key would otherwise silently replace the first one.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "bcm: 17.5" is a mistake, not pin 17.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ConfigLoader() {
    }

    /**
     * Loads and validates a config file.
     *
     * @throws ConfigException if the file is missing, unreadable, or wrong in any way
     */
    public static EarshotConfig load(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source + ": is a folder, not a config file");
        }
        if (!Files.exists(file)) {
            throw new ConfigException(source + ": config file not found");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(source + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read config file (" + e.getMessage() + ")", e);
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, source, folder);
    }

    /** Loads the config built into the jar: the shipped {@code firmware-config/earshot.yaml}. */
    public static EarshotConfig loadDefault() {
        return parse(defaultText(), DEFAULT_SOURCE, Path.of("").toAbsolutePath());
    }

    /** The text of the built-in config, e.g. for an {@code earshot init} that writes it out for editing. */
    public static String defaultText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                // Only a broken build gets here, so it is not the user's fault: no EarshotException.
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Parses config text.
     *
     * @param source how to name the config in messages
     * @param baseDir folder that relative paths in the config are resolved against
     */
    static EarshotConfig parse(String text, String source, Path baseDir) {
        YamlLines lines;
        try (JsonParser parser = MAPPER.createParser(text)) {
            lines = YamlLines.scan(parser);
        } catch (JsonProcessingException e) {
            throw translate(e, source, null);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read config (" + e.getMessage() + ")", e);
        }
        if (lines.rootToken() == null || lines.rootToken() == JsonToken.VALUE_NULL) {
            throw new ConfigException(source + ": config file is empty");
        }
        if (lines.rootToken() != JsonToken.START_OBJECT) {
            throw new ConfigException(source + ": line 1: expected settings as 'key: value' lines, like the built-in earshot.yaml");
        }
        RawConfig raw;
        try {
            raw = MAPPER.readValue(text, RawConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(e, source, lines);
        }
        return new ConfigValidator(source, lines, baseDir).validate(raw);
    }

    /** @param lines where each key was written, once the YAML is known to parse; null before */
    private static ConfigException translate(JsonProcessingException e, String source, YamlLines lines) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            int line = yaml.getProblemMark().getLine() + 1;
            String problem = oneLine(yaml.getProblem());
            // The problem is often only noticed a line later, e.g. an unclosed [ is found at the next key.
            if (yaml.getContext() != null && yaml.getContextMark() != null && yaml.getContextMark().getLine() + 1 != line) {
                problem += " (" + oneLine(yaml.getContext()) + " started on line " + (yaml.getContextMark().getLine() + 1) + ")";
            }
            return new ConfigException(source + ": line " + line + ": YAML syntax error: " + problem, e);
        }
        String where = source + ": " + lineOf(e.getLocation());
        if (e instanceof JsonParseException) {
            String message = oneLine(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                message = message.replace("Duplicate field", "duplicate key");
            }
            return new ConfigException(where + "YAML syntax error: " + message, e);
        }
        if (e instanceof JsonMappingException mapping) {
            String key = keyPath(mapping);
            // Jackson reports where it stopped reading, often the line after the culprit; the key's own line is exact.
            Integer keyLine = lines == null || key.isEmpty() ? null : lines.lineOf(key);
            if (keyLine != null) {
                where = source + ": line " + keyLine + ": ";
            }
            String prefix = where + (key.isEmpty() ? "" : key + ": ");
            if (e instanceof UnrecognizedPropertyException unknown) {
                return new ConfigException(prefix + "unknown key '" + unknown.getPropertyName() + "' (expected "
                        + known(unknown.getKnownPropertyIds()) + ")", e);
            }
            if (e instanceof InvalidFormatException format) {
                return new ConfigException(prefix + "expected " + describe(format.getTargetType())
                        + ", got '" + format.getValue() + "'", e);
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new ConfigException(prefix + "expected " + describe(mismatch.getTargetType()), e);
            }
            return new ConfigException(prefix + oneLine(e.getOriginalMessage()), e);
        }
        return new ConfigException(where + oneLine(e.getOriginalMessage()), e);
    }

    private static String lineOf(JsonLocation location) {
        return location != null && location.getLineNr() > 0 ? "line " + location.getLineNr() + ": " : "";
    }

    static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "no keys here";
        }
        return ids.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        return "a different kind of value";
    }

    private static String oneLine(String message) {
        return EarshotException.firstLine(message, "unreadable YAML");
    }
}
