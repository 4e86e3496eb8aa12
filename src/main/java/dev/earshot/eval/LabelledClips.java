package dev.earshot.eval;

import dev.earshot.EarshotException;
import dev.earshot.model.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The clips of a folder in the Speech Commands layout: {@code DIR/<label>/*.wav}.
 *
 * <p>A folder named after a word the model does not know counts as {@value ModelMetadata#UNKNOWN}, as
 * in the official archive, where every other word is a folder of its own. Folders starting with
 * {@code _background} hold noise, not clips, and are skipped.
 */
public final class LabelledClips {

    public record Clip(Path file, String label) {
    }

    private LabelledClips() {
    }

    public static List<Clip> in(Path dir, List<String> modelLabels) {
        if (!Files.isDirectory(dir)) {
            throw new EarshotException(dir + ": not a directory (expected one folder per label)");
        }
        List<Clip> clips = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (name.startsWith("_background")) {
                    continue;
                }
                String label = modelLabels.contains(name) ? name : ModelMetadata.UNKNOWN;
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".wav")).sorted()
                            .forEach(f -> clips.add(new Clip(f, label)));
                }
            }
        } catch (IOException e) {
            throw new EarshotException(dir + ": cannot list: " + e.getMessage());
        }
        if (clips.isEmpty()) {
            throw new EarshotException(dir + ": no WAV files in label folders (expected DIR/<label>/*.wav)");
        }
        return clips;
    }
}
