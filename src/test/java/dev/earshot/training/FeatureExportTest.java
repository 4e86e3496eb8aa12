package dev.earshot.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.earshot.EarshotException;
import dev.earshot.audio.WavBytes;
import dev.earshot.features.FeatureSettings;
import dev.earshot.training.FeatureExport.Row;
import dev.earshot.training.FeatureExport.Variant;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExportTest {

    @TempDir
    Path dir;

    /** A one-second clip: a vowel-like buzz of harmonics of 150 Hz in its middle half. */
    private Path clip() throws IOException {
        float[] samples = new float[16000];
        for (int i = 4000; i < 12000; i++) {
            for (int h = 1; h <= 20; h++) {
                samples[i] += (float) (0.02 * Math.sin(2 * Math.PI * 150 * h * i / 16000.0));
            }
        }
        Path wav = dir.resolve("clip.wav");
        Files.write(wav, WavBytes.wav(WavBytes.PCM, 16000, 16, new float[][] {samples}));
        return wav;
    }

    private float[][] export(List<Row> rows, WarpRange warps) {
        Path out = dir.resolve("features-" + warps.lowest() + "-" + warps.highest() + ".f32");
        Augmenter augmenter = new Augmenter(List.of(), new SpeedRange(0.9, 1.1));
        int frames = new FeatureExport(FeatureSettings.DEFAULT, augmenter, warps, 1).write(rows, out, done -> { });
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            float[][] table = new float[rows.size()][frames * FeatureSettings.DEFAULT.coefficients()];
            for (float[] row : table) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = bytes.getFloat();
                }
            }
            return table;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWarpChangesTheVariedRowsOnlyAndNothingElseOfThem() throws IOException {
        String clip = clip().toString();
        List<Row> rows = List.of(new Row(clip, Variant.AS_RECORDED), new Row(clip, Variant.NEAR),
                new Row("@silence", Variant.NEAR), new Row(clip, Variant.WHOLE));

        float[][] plain = export(rows, WarpRange.NONE);
        float[][] warped = export(rows, new WarpRange(0.9, 1.1));

        assertArrayEquals(plain[0], warped[0], "a clip as recorded is never warped");
        assertFalse(Arrays.equals(plain[1], warped[1]), "a varied clip is warped");
        assertArrayEquals(plain[2], warped[2], "silence is never warped");
        assertFalse(Arrays.equals(plain[3], warped[3]), "a varied clip is warped");
    }

    @Test
    void theSameWarpEverywhereIsNoWarpOnlyAtOne() throws IOException {
        String clip = clip().toString();
        List<Row> rows = List.of(new Row(clip, Variant.NEAR));

        assertArrayEquals(export(rows, WarpRange.NONE)[0], export(rows, new WarpRange(1, 1))[0]);
        assertFalse(Arrays.equals(export(rows, WarpRange.NONE)[0], export(rows, new WarpRange(1.05, 1.05))[0]));
    }

    @Test
    void aWarpRangeMustBeOrderedAndNearOne() {
        assertThrows(EarshotException.class, () -> new WarpRange(1.1, 0.9));
        assertThrows(EarshotException.class, () -> new WarpRange(0.4, 1.1));
        assertThrows(EarshotException.class, () -> new WarpRange(0.9, 2.5));
    }
}
