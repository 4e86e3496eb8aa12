package dev.earshot.training;

import dev.earshot.EarshotException;
import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.WavReader;
import dev.earshot.features.FeatureSettings;
import dev.earshot.features.MfccStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Computes the training features of a list of clips with the same front end the appliance runs,
 * so that training and inference share one MFCC implementation.
 *
 * <p>The list is a text file, one clip a line: {@code SOURCE<TAB>AUGMENT}, where SOURCE is a WAV path
 * or {@code @silence} (a cut of background noise) and AUGMENT is 0 for the clip as recorded, 1 for a
 * randomised variant shifted a little ({@link Augmenter#NEAR_SHIFT}), 2 for one shifted far
 * ({@link Augmenter#FAR_SHIFT}). The output is raw little-endian float32, {@code [clips, frames, coefficients]},
 * rows in list order; each row's variant depends only on the seed and the row number.
 */
public final class FeatureExport {

    /** @param maxShift 0 for the clip as recorded, else the largest shift of a randomised variant */
    public record Row(String source, int maxShift) {
        public boolean augment() {
            return maxShift > 0;
        }
    }

    private final FeatureSettings settings;
    private final Augmenter augmenter;
    private final long seed;

    public FeatureExport(FeatureSettings settings, Augmenter augmenter, long seed) {
        this.settings = settings;
        this.augmenter = augmenter;
        this.seed = seed;
    }

    public static List<Row> readList(Path list) {
        try {
            List<Row> rows = new ArrayList<>();
            int lineNumber = 0;
            for (String line : Files.readAllLines(list)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 2 || !fields[1].matches("[012]")) {
                    throw new EarshotException(list + ": line " + lineNumber + ": expected SOURCE<TAB>0|1|2");
                }
                int[] shifts = {0, Augmenter.NEAR_SHIFT, Augmenter.FAR_SHIFT};
                rows.add(new Row(fields[0], shifts[Integer.parseInt(fields[1])]));
            }
            return rows;
        } catch (IOException e) {
            throw new EarshotException(list + ": cannot read clip list: " + e.getMessage());
        }
    }

    /** @return frames per clip */
    public int write(List<Row> rows, Path out, java.util.function.IntConsumer progress) {
        int frames = settings.framesIn(Augmenter.CLIP_SAMPLES);
        int rowBytes = frames * settings.coefficients() * Float.BYTES;
        int batch = 1024;
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            for (int start = 0; start < rows.size(); start += batch) {
                int first = start;
                int end = Math.min(rows.size(), start + batch);
                byte[][] encoded = new byte[end - first][];
                IntStream.range(first, end).parallel().forEach(i -> encoded[i - first] = encode(rows.get(i), i, frames, rowBytes));
                for (byte[] row : encoded) {
                    stream.write(row);
                }
                progress.accept(end);
            }
        } catch (IOException e) {
            throw new EarshotException(out + ": cannot write features: " + e.getMessage());
        }
        return frames;
    }

    private byte[] encode(Row row, int index, int frames, int rowBytes) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        float[] clip;
        if (row.source().equals("@silence")) {
            clip = augmenter.silence(random);
        } else {
            float[] recorded = WavReader.read(Path.of(row.source()));
            clip = row.augment() ? augmenter.speech(recorded, row.maxShift(), random) : ClipWindow.fit(recorded, Augmenter.CLIP_SAMPLES, 0);
        }
        float[][] mfcc = MfccStream.framesOf(clip, settings);
        ByteBuffer buffer = ByteBuffer.allocate(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (float v : mfcc[f]) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }
}
