package dev.earshot.gpio;

import dev.earshot.EarshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the GPIO chip that carries the 40-pin header.
 *
 * <p>Which chip that is depends on the board and the kernel: gpiochip0 on Pi 1-4 and on a Pi 5
 * with a recent kernel, gpiochip4 (label {@code pinctrl-rp1}) on a Pi 5 with an older kernel, and
 * other numbers on the newest Pi 5 kernels. Each chip's sysfs folder tells us its {@code label}
 * and, through {@code of_node/compatible}, the driver; we accept either.
 */
public final class GpioChips {

    private static final Logger log = LoggerFactory.getLogger(GpioChips.class);
    private static final Pattern CHIP = Pattern.compile("gpiochip(\\d+)");

    /** Pi 5 header (RP1). Preferred: a Pi 5 also has SoC chips, and those are not on the header. */
    private static final List<String> RP1_LABELS = List.of("pinctrl-rp1");
    private static final List<String> RP1_COMPATIBLE = List.of("raspberrypi,rp1-gpio");
    /** Pi 1-4 header (BCM2835 family). */
    private static final List<String> BCM_LABELS = List.of("pinctrl-bcm2711", "pinctrl-bcm2835");
    private static final List<String> BCM_COMPATIBLE = List.of("brcm,bcm2711-gpio", "brcm,bcm2835-gpio");

    /** The chip to use when no chip identifies itself: the kernel's long-standing header chip. */
    public static final String FALLBACK = "gpiochip0";

    /**
     * What sysfs says about one chip.
     *
     * @param name e.g. {@code gpiochip4}
     * @param label the chip's label, if sysfs shows it
     * @param compatible the device-tree compatible strings of its driver, if any
     */
    public record Chip(String name, Optional<String> label, List<String> compatible) {

        boolean matches(List<String> labels, List<String> compatibles) {
            return label.map(labels::contains).orElse(false) || compatible.stream().anyMatch(compatibles::contains);
        }
    }

    private GpioChips() {
    }

    /** Chips listed under {@code sysBusGpioDevices} (normally /sys/bus/gpio/devices), by number. */
    public static List<Chip> scan(Path sysBusGpioDevices) {
        if (!Files.isDirectory(sysBusGpioDevices)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(sysBusGpioDevices)) {
            return entries
                    .filter(p -> CHIP.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(GpioChips::number))
                    .map(GpioChips::read)
                    .toList();
        } catch (IOException e) {
            throw new EarshotException("cannot list " + sysBusGpioDevices + " (" + e.getMessage() + ")", e);
        }
    }

    /** The header chip among {@code chips}: RP1 first, then the BCM2835 family, else {@value #FALLBACK}. */
    public static String headerChip(List<Chip> chips) {
        return chips.stream().filter(c -> c.matches(RP1_LABELS, RP1_COMPATIBLE)).findFirst()
                .or(() -> chips.stream().filter(c -> c.matches(BCM_LABELS, BCM_COMPATIBLE)).findFirst())
                .map(Chip::name)
                .orElse(FALLBACK);
    }

    /** Convenience for {@code headerChip(scan(sysBusGpioDevices))}. */
    public static String detectHeaderChip(Path sysBusGpioDevices) {
        return headerChip(scan(sysBusGpioDevices));
    }

    /**
     * The chip Pi4J 2.8's gpiod plugin will open, which we cannot choose: it takes the first chip, in
     * libgpiod's alphabetical order, whose label contains "pinctrl". Empty when a label is unknown.
     */
    static Optional<Chip> pi4jChoice(List<Chip> chips) {
        if (chips.stream().anyMatch(c -> c.label().isEmpty())) {
            return Optional.empty();
        }
        return chips.stream()
                .sorted(Comparator.comparing(Chip::name))
                .filter(c -> c.label().orElseThrow().contains("pinctrl"))
                .findFirst();
    }

    /**
     * Decides which chip to drive and checks this process can: it exists, we may open it, and it is
     * the one Pi4J will actually drive.
     *
     * @param configured the config's {@code gpio.chip}, empty for auto
     * @throws EarshotException naming the chip and what to do
     */
    static String choose(Optional<String> configured, GpioHost host) {
        List<Chip> chips = scan(host.sysBusGpioDevices());
        String chip = configured.orElseGet(() -> headerChip(chips));
        Path node = host.devDir().resolve(chip);
        if (!Files.exists(node)) {
            String present = chips.isEmpty() ? "none found" : "found: "
                    + chips.stream().map(Chip::name).collect(Collectors.joining(", "));
            throw new EarshotException("GPIO chip " + node + " does not exist (" + present + "); check gpio.chip in the config");
        }
        if (!host.canReadWrite().test(node)) {
            throw new EarshotException("no permission to use " + node
                    + ": add your user to group gpio (sudo usermod -aG gpio $USER) and log in again");
        }
        Optional<Chip> pi4j = pi4jChoice(chips);
        if (pi4j.isPresent() && !sameDevice(node, host.devDir().resolve(pi4j.get().name()))) {
            throw new EarshotException("gpio.chip is " + chip + ", but Pi4J 2.8 can only drive "
                    + pi4j.get().name() + " (" + pi4j.get().label().orElseThrow() + ") on this board; set gpio.chip to auto");
        }
        if (pi4j.isEmpty()) {
            log.info("using GPIO chip {}; could not confirm from sysfs that Pi4J picks the same one", chip);
        }
        return chip;
    }

    private static boolean sameDevice(Path a, Path b) {
        try {
            // Newer Pi 5 kernels keep /dev/gpiochip4 as a link to the real header chip.
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            log.debug("cannot compare {} and {}; comparing names instead", a, b, e);
            return a.equals(b);
        }
    }

    private static int number(Path chipDir) {
        var m = CHIP.matcher(chipDir.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static Chip read(Path chipDir) {
        Optional<String> label = readText(chipDir.resolve("label")).map(String::strip);
        // Device-tree string lists are NUL-separated.
        List<String> compatible = readText(chipDir.resolve("of_node").resolve("compatible"))
                .map(text -> Arrays.stream(text.split("\0")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        return new Chip(chipDir.getFileName().toString(), label, compatible);
    }

    private static Optional<String> readText(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EarshotException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
