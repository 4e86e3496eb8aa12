package dev.earshot.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import dev.earshot.config.GpioProvider;
import dev.earshot.config.GpioSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Board and chip detection against a fake /proc, /sys and /dev. */
class GpioChipsTest {

    @TempDir
    Path root;

    private Path sys() {
        return root.resolve("sys/bus/gpio/devices");
    }

    private void chip(String name, String label) throws IOException {
        Path dir = Files.createDirectories(sys().resolve(name));
        if (label != null) {
            Files.writeString(dir.resolve("label"), label + "\n");
        }
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev").resolve(name), "");
    }

    private void compatible(String name, String... strings) throws IOException {
        Path node = Files.createDirectories(sys().resolve(name).resolve("of_node"));
        Files.writeString(node.resolve("compatible"), String.join("\0", strings) + "\0");
    }

    private GpioHost host(String model, boolean permitted) throws IOException {
        Path modelFile = root.resolve("proc/device-tree/model");
        Files.createDirectories(modelFile.getParent());
        if (model != null) {
            Files.writeString(modelFile, model + "\0");
        } else {
            Files.deleteIfExists(modelFile);
        }
        return new GpioHost(modelFile, sys(), root.resolve("dev"), node -> permitted);
    }

    @Test
    void pi5WithAnOlderKernelUsesGpiochip4() throws IOException {
        chip("gpiochip0", "gpio-brcmstb@107d508500");
        chip("gpiochip1", "gpio-brcmstb@107d508c00");
        chip("gpiochip4", "pinctrl-rp1");
        chip("gpiochip10", "gpio-brcmstb@107d517c00");
        assertEquals("gpiochip4", GpioChips.detectHeaderChip(sys()));
    }

    @Test
    void pi5WithANewerKernelUsesGpiochip0() throws IOException {
        chip("gpiochip0", "pinctrl-rp1");
        chip("gpiochip10", "gpio-brcmstb@107d508500");
        assertEquals("gpiochip0", GpioChips.detectHeaderChip(sys()));
    }

    @Test
    void pi4UsesItsBcmChip() throws IOException {
        chip("gpiochip0", "pinctrl-bcm2711");
        chip("gpiochip1", "raspberrypi-exp-gpio");
        assertEquals("gpiochip0", GpioChips.detectHeaderChip(sys()));
    }

    @Test
    void withoutLabelsTheDeviceTreeCompatibleIdentifiesTheChip() throws IOException {
        chip("gpiochip0", null);
        chip("gpiochip13", null);
        compatible("gpiochip0", "brcm,bcm2712-gpio");
        compatible("gpiochip13", "raspberrypi,rp1-gpio");
        assertEquals("gpiochip13", GpioChips.detectHeaderChip(sys()));
    }

    @Test
    void unknownBoardFallsBackToGpiochip0() throws IOException {
        chip("gpiochip3", "some-other-gpio");
        assertEquals("gpiochip0", GpioChips.detectHeaderChip(sys()));
        assertEquals("gpiochip0", GpioChips.detectHeaderChip(root.resolve("no/such/folder")));
    }

    @Test
    void pi4jPicksTheFirstPinctrlChipInAlphabeticalOrder() throws IOException {
        chip("gpiochip2", "pinctrl-bcm2711");
        chip("gpiochip10", "pinctrl-rp1");
        assertEquals(Optional.of("gpiochip10"), GpioChips.pi4jChoice(GpioChips.scan(sys())).map(GpioChips.Chip::name));
    }

    @Test
    void raspberryPiIsRecognisedFromTheDeviceTreeModel() throws IOException {
        assertTrue(host("Raspberry Pi 5 Model B Rev 1.0", true).isRaspberryPi());
        assertFalse(host("QEMU Virtual Machine", true).isRaspberryPi());
    }

    @Test
    void noDeviceTreeMeansNotAPi() throws IOException {
        assertFalse(host(null, true).isRaspberryPi());
    }

    @Test
    void autoProviderIsGpiodOnAPiAndMockElsewhere() throws IOException {
        assertEquals(GpioProvider.GPIOD, Pi4jOutputs.resolveProvider(GpioProvider.AUTO, host("Raspberry Pi 4 Model B", true)));
        assertEquals(GpioProvider.MOCK, Pi4jOutputs.resolveProvider(GpioProvider.AUTO, host(null, true)));
        assertEquals(GpioProvider.MOCK, Pi4jOutputs.resolveProvider(GpioProvider.MOCK, host("Raspberry Pi 4 Model B", true)));
    }

    @Test
    void autoOffAPiOpensTheMock() throws IOException {
        try (Pi4jOutputs board = Pi4jOutputs.open(GpioSettings.defaults(), Map.of(), host(null, true))) {
            assertTrue(board.description().startsWith("mock"), board.description());
        }
    }

    @Test
    void gpiodOffAPiIsRefused() throws IOException {
        EarshotException e = assertThrows(EarshotException.class, () -> openGpiod(Optional.empty(), host("QEMU", true)));
        assertTrue(e.getMessage().contains("does not name a Raspberry Pi"), e.getMessage());
    }

    @Test
    void missingChipIsNamedWithTheChipsThatExist() throws IOException {
        chip("gpiochip0", "pinctrl-bcm2711");
        EarshotException e = assertThrows(EarshotException.class,
                () -> openGpiod(Optional.of("gpiochip7"), host("Raspberry Pi 4 Model B", true)));
        assertEquals("GPIO chip " + root.resolve("dev/gpiochip7") + " does not exist (found: gpiochip0); check gpio.chip in the config",
                e.getMessage());
    }

    @Test
    void noPermissionSaysToJoinGroupGpio() throws IOException {
        chip("gpiochip0", "pinctrl-bcm2711");
        EarshotException e = assertThrows(EarshotException.class,
                () -> openGpiod(Optional.empty(), host("Raspberry Pi 4 Model B", false)));
        assertTrue(e.getMessage().startsWith("no permission to use " + root.resolve("dev/gpiochip0")), e.getMessage());
        assertTrue(e.getMessage().contains("group gpio"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aChipPi4jCannotDriveIsRefused() throws IOException {
        chip("gpiochip0", "gpio-brcmstb@107d508500");
        chip("gpiochip4", "pinctrl-rp1");
        EarshotException e = assertThrows(EarshotException.class,
                () -> openGpiod(Optional.of("gpiochip0"), host("Raspberry Pi 5 Model B", true)));
        assertEquals("gpio.chip is gpiochip0, but Pi4J 2.8 can only drive gpiochip4 (pinctrl-rp1) on this board; set gpio.chip to auto",
                e.getMessage());
    }

    /** Every case here fails before Pi4J is touched, so no pins are needed. */
    private static void openGpiod(Optional<String> chip, GpioHost host) {
        Pi4jOutputs.open(new GpioSettings(GpioProvider.GPIOD, chip), Map.of(), host).close();
    }
}
