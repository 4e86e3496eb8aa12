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
 * <p>The list is a text file, one clip a line: {@code SOURCE<TAB>VARIANT}, where SOURCE is a WAV path
 * or {@code @silence} (a cut of background noise) and VARIANT is the {@link Variant}'s code. The
 * output is raw little-endian float32, {@code [clips, frames, coefficients]}, rows in list order;
 * each row's variant depends only on the seed and the row number.
 */
public final class FeatureExport {

    /** How a row's clip is changed before the model hears it; the code is its number in the list. */
    public enum Variant {
        /** 0: the clip as recorded. */
        AS_RECORDED,
        /** 1: randomised, the word shifted a little ({@link Augmenter#NEAR_SHIFT}). */
        NEAR,
        /** 2: randomised, the word shifted anywhere ({@link Augmenter#FAR_SHIFT}). */
        FAR,
        /** 3: randomised, the word cut by the window's edge ({@link Augmenter#cut}). */
        CUT,
        /** 4: randomised, the spoken part alone, whole, against the window's edge ({@link Augmenter#atEdge}). */
        EDGE,
        /** 5: randomised, the spoken part whole anywhere in the window ({@link Augmenter#whole}). */
        WHOLE
    }

    public record Row(String source, Variant variant) {
    }

    private final FeatureSettings settings;
    private final Augmenter augmenter;
    private final WarpRange warps;
    private final long seed;

    public FeatureExport(FeatureSettings settings, Augmenter augmenter, long seed) {
        this(settings, augmenter, WarpRange.NONE, seed);
    }

    /** @param warps the filterbank warps of the varied rows (never of silence or clips as recorded) */
    public FeatureExport(FeatureSettings settings, Augmenter augmenter, WarpRange warps, long seed) {
        this.settings = settings;
        this.augmenter = augmenter;
        this.warps = warps;
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
                if (fields.length != 2 || !fields[1].matches("[0-5]")) {
                    throw new EarshotException(list + ": line " + lineNumber + ": expected SOURCE<TAB>0|1|2|3|4|5");
                }
                rows.add(new Row(fields[0], Variant.values()[Integer.parseInt(fields[1])]));
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
        double warp = 1.0;
        if (row.source().equals("@silence")) {
            clip = augmenter.silence(random);
        } else {
            if (row.variant() != Variant.AS_RECORDED) {
                // A generator of its own, so that every other draw of the row (speed, shift, gain,
                // noise) stays what it is without a warp: the warp's effect can be measured alone.
                warp = warps.draw(new SplittableRandom(~(seed * 1_000_003L + index)));
            }
            float[] recorded = WavReader.read(Path.of(row.source()));
            clip = switch (row.variant()) {
                case AS_RECORDED -> ClipWindow.fit(recorded, Augmenter.CLIP_SAMPLES, 0);
                case NEAR -> augmenter.speech(recorded, Augmenter.NEAR_SHIFT, random);
                case FAR -> augmenter.speech(recorded, Augmenter.FAR_SHIFT, random);
                case CUT -> augmenter.cut(recorded, random);
                case EDGE -> augmenter.atEdge(recorded, random);
                case WHOLE -> augmenter.whole(recorded, random);
            };
        }
        float[][] mfcc = MfccStream.framesOf(clip, settings, warp);
        ByteBuffer buffer = ByteBuffer.allocate(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (float v : mfcc[f]) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }
}
