package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path SHIPPED = Path.of("firmware-config", "earshot.yaml");

    @TempDir
    Path dir;

    // ---- the shipped default ----

    @Test
    void shippedConfigIsIdenticalToTheBuiltInDefault() throws IOException {
        assertEquals(Files.readString(SHIPPED), ConfigLoader.defaultText(),
                "firmware-config/earshot.yaml and src/main/resources/dev/earshot/config/earshot.yaml must be identical");
    }

    @Test
    void shippedConfigLoadsAndEqualsTheBuiltInDefault() {
        EarshotConfig file = ConfigLoader.load(SHIPPED);
        EarshotConfig builtIn = ConfigLoader.loadDefault();
        assertEquals(file.pins(), builtIn.pins());
        assertEquals(file.commands(), builtIn.commands());
        assertEquals(file.detection(), builtIn.detection());
        assertEquals(file.gpio(), builtIn.gpio());
        assertEquals(file.audio(), builtIn.audio());
    }

    @Test
    void defaultConfigHasTheDocumentedValuesInFileOrder() {
        EarshotConfig config = ConfigLoader.loadDefault();
        assertEquals(Optional.empty(), config.model());
        assertEquals("default", config.audio().device());
        assertEquals(GpioSettings.defaults(), config.gpio());
        assertEquals(List.of("lamp", "fan", "buzzer"), List.copyOf(config.pins().keySet()));
        assertEquals(new PinSpec("lamp", 17, PinLevel.LOW, PinLevel.LOW), config.pins().get("lamp"));
        assertEquals(List.of("on", "off", "up", "down", "go", "stop", "yes"), List.copyOf(config.commands().keySet()));
        assertEquals(List.of(new ActionSpec("buzzer", Action.PULSE, 200)), config.commands().get("go"));
        assertEquals(List.of(new ActionSpec("lamp", Action.OFF, 0), new ActionSpec("fan", Action.OFF, 0)),
                config.commands().get("stop"));
        assertEquals(DetectionSettings.defaults(), config.detection());
    }

    // ---- defaults and resolution ----

    @Test
    void missingSectionsTakeDefaults() {
        EarshotConfig config = load("audio: { device: USB }\n");
        assertEquals("USB", config.audio().device());
        assertEquals(GpioSettings.defaults(), config.gpio());
        assertTrue(config.pins().isEmpty());
        assertTrue(config.commands().isEmpty());
        assertEquals(DetectionSettings.defaults(), config.detection());
    }

    @Test
    void yamlBooleanLikeWordsStayCommandAndActionNames() {
        EarshotConfig config = load("""
                pins: { lamp: { bcm: 17 } }
                commands:
                  on: [ { pin: lamp, action: on } ]
                  no: [ { pin: lamp, action: off } ]
                """);
        assertEquals(List.of(new ActionSpec("lamp", Action.ON, 0)), config.commands().get("on"));
        assertEquals(List.of(new ActionSpec("lamp", Action.OFF, 0)), config.commands().get("no"));
    }

    @Test
    void relativeModelPathResolvesAgainstTheConfigFolder() throws IOException {
        Path model = Files.createDirectories(dir.resolve("models")).resolve("mine.onnx");
        Files.writeString(model, "not really onnx");
        EarshotConfig config = load("model: models/mine.onnx\n");
        assertEquals(Optional.of(model.toAbsolutePath().normalize()), config.model());
    }

    @Test
    void perCommandThresholdOverridesTheDefault() {
        EarshotConfig config = load("detection: { threshold: 0.7, thresholds: { stop: 0.95 } }\n");
        assertEquals(0.95, config.detection().thresholdFor("stop"));
        assertEquals(0.7, config.detection().thresholdFor("go"));
    }

    // ---- file-level errors ----

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(missing + ": config file not found", fail(missing));
    }

    @Test
    void folderGivenAsConfigIsRefused() {
        assertEquals(dir + ": is a folder, not a config file", fail(dir));
    }

    @Test
    void emptyFileIsRefused() {
        assertEquals(file("") + ": config file is empty", fail(file("")));
    }

    @Test
    void fileWithOnlyCommentsIsEmpty() {
        Path f = file("# nothing here\n\n");
        assertEquals(f + ": config file is empty", fail(f));
    }

    @Test
    void syntaxErrorNamesTheLine() {
        String message = failText("""
                audio:
                  device: default
                gpio: [ mock
                pins: {}
                """);
        assertOneLine(message);
        assertTrue(message.startsWith(file("x") + ": line 4: YAML syntax error: "), message);
        assertTrue(message.endsWith("started on line 3)"), message);
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        String message = failText("""
                pins:
                  lamp: { bcm: 17 }
                  lamp: { bcm: 18 }
                """);
        assertOneLine(message);
        assertTrue(message.contains("line 3: "), message);
        assertTrue(message.contains("duplicate key 'lamp'"), message);
    }

    // ---- binding errors reported by Jackson ----

    @Test
    void unknownKeyNamesLineKeyAndTheValidKeys() {
        String message = failText("""
                gpio:
                  provider: mock
                  chips: auto
                """);
        assertEquals(file("x") + ": line 3: gpio.chips: unknown key 'chips' (expected chip, provider)", message);
    }

    @Test
    void unknownTopLevelKey() {
        String message = failText("modle: null\n");
        assertTrue(message.endsWith("line 1: modle: unknown key 'modle' (expected audio, commands, detection, gpio, model, pins)"),
                message);
    }

    @Test
    void wrongTypeNamesLineKeyAndExpectedType() {
        String message = failText("""
                pins:
                  lamp: { bcm: seventeen }
                """);
        assertEquals(file("x") + ": line 2: pins.lamp.bcm: expected a whole number, got 'seventeen'", message);
    }

    @Test
    void fractionalPinNumberIsAWrongType() {
        String message = failText("pins: { lamp: { bcm: 17.5 } }\n");
        assertTrue(message.contains("line 1: pins.lamp.bcm: expected a whole number"), message);
    }

    @Test
    void listWhereAMappingBelongsIsAWrongType() {
        String message = failText("""
                detection:
                  thresholds: [ 0.5 ]
                """);
        assertOneLine(message);
        assertTrue(message.contains("line 2: detection.thresholds: expected a mapping"), message);
    }

    @Test
    void wrongTypeUnderSnakeCaseKeyUsesTheFileSpelling() {
        String message = failText("detection: { refractory_ms: soon }\n");
        assertTrue(message.contains("detection.refractory_ms: expected a whole number, got 'soon'"), message);
    }

    // ---- semantic errors found after binding ----

    @Test
    void unknownActionListsTheValidOnes() {
        String message = failText("""
                pins:
                  lamp: { bcm: 17 }
                commands:
                  on:
                    - { pin: lamp, action: blink }
                """);
        assertEquals(file("x") + ": line 5: commands.on[0].action: unknown action 'blink' (expected on, off, toggle, pulse)",
                message);
    }

    @Test
    void pulseWithoutMs() {
        String message = failText("""
                pins: { buzzer: { bcm: 22 } }
                commands:
                  go: [ { pin: buzzer, action: pulse } ]
                """);
        assertTrue(message.startsWith(file("x") + ": line 3: commands.go[0]: pulse needs ms"), message);
    }

    @Test
    void pulseWithZeroMs() {
        String message = failText("""
                pins: { buzzer: { bcm: 22 } }
                commands:
                  go: [ { pin: buzzer, action: pulse, ms: 0 } ]
                """);
        assertTrue(message.contains("line 3: commands.go[0].ms: pulse length must be more than 0 ms, got 0"), message);
    }

    @Test
    void msOnANonPulseActionIsAMistake() {
        String message = failText("""
                pins: { lamp: { bcm: 17 } }
                commands:
                  on: [ { pin: lamp, action: on, ms: 100 } ]
                """);
        assertTrue(message.contains("commands.on[0].ms: ms only applies to action pulse"), message);
    }

    @Test
    void pinNumberOutsideTheHeader() {
        String message = failText("""
                pins:
                  lamp: { bcm: 17 }
                  fan:  { bcm: 28 }
                """);
        assertEquals(file("x") + ": line 3: pins.fan.bcm: bad pin number 28 (BCM numbers on the 40-pin header are 0..27)",
                message);
    }

    @Test
    void negativePinNumber() {
        assertTrue(failText("pins: { lamp: { bcm: -1 } }\n").contains("pins.lamp.bcm: bad pin number -1"));
    }

    @Test
    void missingPinNumber() {
        assertTrue(failText("pins: { lamp: { initial: high } }\n").contains("line 1: pins.lamp: missing bcm"));
    }

    @Test
    void sameBcmPinUnderTwoNames() {
        String message = failText("""
                pins:
                  lamp: { bcm: 17 }
                  fan:  { bcm: 17 }
                """);
        assertEquals(file("x") + ": line 3: pins.fan.bcm: pin 17 is used by both lamp and fan", message);
    }

    @Test
    void badLevel() {
        String message = failText("pins: { lamp: { bcm: 17, shutdown: off } }\n");
        assertTrue(message.contains("pins.lamp.shutdown: unknown level 'off' (expected low or high)"), message);
    }

    @Test
    void actionOnUndefinedPin() {
        String message = failText("""
                pins:
                  lamp: { bcm: 17 }
                commands:
                  up:
                    - { pin: lamp, action: on }
                    - { pin: heater, action: on }
                """);
        assertEquals(file("x") + ": line 6: commands.up[1].pin: no pin named 'heater' under pins: (defined: lamp)", message);
    }

    @Test
    void thresholdMustBeAboveZero() {
        String message = failText("detection:\n  threshold: 0\n");
        assertEquals(file("x") + ": line 2: detection.threshold: threshold must be more than 0 and at most 1, got 0.0", message);
    }

    @Test
    void thresholdMustBeAtMostOne() {
        assertTrue(failText("detection: { threshold: 1.5 }\n").contains("detection.threshold: threshold must be"));
    }

    @Test
    void thresholdOfOneIsAllowed() {
        assertEquals(1.0, load("detection: { threshold: 1 }\n").detection().threshold());
    }

    @Test
    void perCommandThresholdIsCheckedToo() {
        String message = failText("""
                detection:
                  thresholds:
                    stop: 2
                """);
        assertTrue(message.contains("line 3: detection.thresholds.stop: threshold must be"), message);
    }

    @Test
    void secondLookMustBeAPosteriorOrZero() {
        String message = failText("detection:\n  second_look: 1.2\n");
        assertEquals(file("x") + ": line 2: detection.second_look: must be 0 (off) or a posterior at most 1, got 1.2", message);
        assertTrue(failText("detection: { second_look: -0.1 }\n").contains("detection.second_look: must be"));
        assertEquals(0.0, load("detection: { second_look: 0 }\n").detection().secondLook());
    }

    @Test
    void negativeRefractory() {
        String message = failText("detection:\n  refractory_ms: -5\n");
        assertEquals(file("x") + ": line 2: detection.refractory_ms: must not be negative, got -5", message);
    }

    @Test
    void negativeHold() {
        String message = failText("detection:\n  hold_ms: -1\n");
        assertEquals(file("x") + ": line 2: detection.hold_ms: must not be negative, got -1", message);
    }

    @Test
    void missingModelFile() {
        String message = failText("model: models/absent.onnx\n");
        Path expected = dir.resolve("models/absent.onnx").toAbsolutePath().normalize();
        assertEquals(file("x") + ": line 1: model: model file not found: " + expected, message);
    }

    @Test
    void unknownProvider() {
        assertTrue(failText("gpio: { provider: wiringpi }\n")
                .contains("gpio.provider: unknown provider 'wiringpi' (expected auto, gpiod, mock)"));
    }

    @Test
    void badChipName() {
        assertTrue(failText("gpio: { chip: chip4 }\n").contains("gpio.chip: expected auto or a chip name like gpiochip0"));
    }

    @Test
    void chipMayBeGivenAsDevicePath() {
        assertEquals(Optional.of("gpiochip4"), load("gpio: { chip: /dev/gpiochip4 }\n").gpio().chip());
    }

    // ---- commands the model does not know ----

    @Test
    void commandsMustBeKnownToTheModel() {
        EarshotConfig config = load("""
                pins: { lamp: { bcm: 17 } }
                commands:
                  on:    [ { pin: lamp, action: on } ]
                  shine: [ { pin: lamp, action: on } ]
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> config.requireCommandsKnown(List.of("on", "off")));
        assertEquals(file("x") + ": commands.shine: the model does not know the command 'shine' (it knows: on, off)",
                e.getMessage());
    }

    @Test
    void thresholdOverridesMustBeKnownToTheModel() {
        EarshotConfig config = load("detection: { thresholds: { shine: 0.9 } }\n");
        ConfigException e = assertThrows(ConfigException.class, () -> config.requireCommandsKnown(List.of("on")));
        assertTrue(e.getMessage().contains("detection.thresholds.shine"), e.getMessage());
    }

    @Test
    void defaultCommandsAreKnownToAModelWithTheStandardWords() {
        ConfigLoader.loadDefault().requireCommandsKnown(
                List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"));
    }

    // ---- helpers ----

    private Path file(String text) {
        Path f = dir.resolve("earshot.yaml");
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return f;
    }

    private EarshotConfig load(String text) {
        return ConfigLoader.load(file(text));
    }

    private String failText(String text) {
        return fail(file(text));
    }

    private static String fail(Path f) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertOneLine(e.getMessage());
        return e.getMessage();
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), () -> "message must be one line: " + message);
        assertFalse(message.contains("dev.earshot") || message.contains("com.fasterxml") || message.contains("java."),
                () -> "message must not name Java classes: " + message);
    }
}
