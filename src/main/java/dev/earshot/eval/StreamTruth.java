package dev.earshot.eval;

import dev.earshot.EarshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The words spoken in a composed recording, as {@code scripts/compose_stream.py} writes them:
 * a TSV with a header and {@code start_s, end_s, label[, clip]} per word.
 */
public final class StreamTruth {

    /** One spoken word; {@code label} is a command, or {@code _unknown_} for any other word. */
    public record Word(double start, double end, String label) {
    }

    private StreamTruth() {
    }

    public static List<Word> read(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv);
            List<Word> words = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split("\t");
                try {
                    words.add(new Word(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2]));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new EarshotException(tsv + ": line " + (i + 1) + ": expected start_s<TAB>end_s<TAB>label");
                }
            }
            return words;
        } catch (IOException e) {
            throw new EarshotException(tsv + ": cannot read truth file: " + e.getMessage());
        }
    }
}
