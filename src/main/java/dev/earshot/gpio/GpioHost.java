package dev.earshot.gpio;

import dev.earshot.EarshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The files through which Linux describes the board, gathered in one place so that tests can point
 * them at a fake folder.
 *
 * @param deviceTreeModel normally {@code /proc/device-tree/model}
 * @param sysBusGpioDevices normally {@code /sys/bus/gpio/devices}
 * @param devDir normally {@code /dev}
 * @param canReadWrite whether this process may open a device node for reading and writing
 */
public record GpioHost(Path deviceTreeModel, Path sysBusGpioDevices, Path devDir, Predicate<Path> canReadWrite) {

    public static GpioHost system() {
        return new GpioHost(Path.of("/proc/device-tree/model"), Path.of("/sys/bus/gpio/devices"), Path.of("/dev"),
                node -> Files.isReadable(node) && Files.isWritable(node));
    }

    /** True if the device tree names a Raspberry Pi (any model, including Compute Modules and Zeros). */
    public boolean isRaspberryPi() {
        if (!Files.isRegularFile(deviceTreeModel)) {
            return false;
        }
        try {
            return new String(Files.readAllBytes(deviceTreeModel), StandardCharsets.UTF_8).contains("Raspberry Pi");
        } catch (IOException e) {
            throw new EarshotException("cannot read " + deviceTreeModel + " (" + e.getMessage() + ")", e);
        }
    }
}
