package dev.earshot.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import dev.earshot.model.CommandModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teachers' soft targets: for each window of a features file, the mean of their posteriors, in file order. */
class TeacherPosteriorsTest {

    private static final int FRAMES = 49;
    private static final int COEFFICIENTS = 20;
    /** More than one batch of the ONNX calls, and not a whole number of them. */
    private static final int WINDOWS = 300;

    @TempDir
    Path dir;

    private CommandModel tiny;
    private CommandModel bundled;

    @BeforeEach
    void load() throws Exception {
        tiny = CommandModel.load(Path.of(getClass().getResource("/model/tiny.onnx").toURI()));
        bundled = CommandModel.loadBundled();
    }

    @AfterEach
    void close() {
        tiny.close();
        bundled.close();
    }

    /** Windows of raw MFCC-like values, written as export-features writes them. */
    private float[][][] windows(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        float[][][] windows = new float[WINDOWS][FRAMES][COEFFICIENTS];
        ByteBuffer bytes = ByteBuffer.allocate(WINDOWS * FRAMES * COEFFICIENTS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[][] window : windows) {
            for (float[] frame : window) {
                for (int c = 0; c < COEFFICIENTS; c++) {
                    frame[c] = (float) (random.nextGaussian() * 20);
                    bytes.putFloat(frame[c]);
                }
            }
        }
        Files.write(file, bytes.array());
        return windows;
    }

    private static float[][] read(Path file, int labels) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, bytes.remaining() % (labels * Float.BYTES), "whole rows");
        float[][] rows = new float[bytes.remaining() / (labels * Float.BYTES)][labels];
        for (float[] row : rows) {
            for (int k = 0; k < labels; k++) {
                row[k] = bytes.getFloat();
            }
        }
        return rows;
    }

    @Test
    void oneTeacherGivesItsOwnPosteriorsForEveryWindowInOrder() throws IOException {
        Path features = dir.resolve("train.f32");
        float[][][] windows = windows(features);
        Path out = dir.resolve("teacher.f32");
        List<Integer> progress = new ArrayList<>();

        int written = new TeacherPosteriors(List.of(bundled)).write(features, out, progress::add);

        assertEquals(WINDOWS, written);
        assertEquals(List.of(256, 300), progress);
        float[][] rows = read(out, 12);
        assertEquals(WINDOWS, rows.length);
        for (int w = 0; w < WINDOWS; w += 37) {
            assertArrayEquals(bundled.posteriors(windows[w]), rows[w], 1e-6f, "window " + w);
        }
    }

    @Test
    void severalTeachersGiveTheMeanOfTheirPosteriors() throws IOException {
        Path features = dir.resolve("train.f32");
        float[][][] windows = windows(features);
        Path out = dir.resolve("teacher.f32");

        new TeacherPosteriors(List.of(tiny, bundled)).write(features, out, done -> { });

        float[][] rows = read(out, 12);
        for (int w = 0; w < WINDOWS; w += 37) {
            float[] a = tiny.posteriors(windows[w]);
            float[] b = bundled.posteriors(windows[w]);
            float sum = 0;
            for (int k = 0; k < 12; k++) {
                assertEquals((a[k] + b[k]) / 2, rows[w][k], 1e-6f, "window " + w + ", label " + k);
                sum += rows[w][k];
            }
            assertEquals(1f, sum, 1e-5f, "a distribution");
        }
    }

    @Test
    void aFeaturesFileOfPartWindowsIsRefused() throws IOException {
        Path features = Files.write(dir.resolve("cut.f32"), new byte[FRAMES * COEFFICIENTS * Float.BYTES + 8]);
        Path out = dir.resolve("out.f32");
        EarshotException refused = assertThrows(EarshotException.class,
                () -> new TeacherPosteriors(List.of(tiny)).write(features, out, done -> { }));
        assertTrue(refused.getMessage().startsWith(features + ": 3928 bytes is not a whole number of windows"), refused.getMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMissingFeaturesFileIsNamed() {
        Path missing = dir.resolve("gone.f32");
        EarshotException refused = assertThrows(EarshotException.class,
                () -> new TeacherPosteriors(List.of(tiny)).write(missing, dir.resolve("out.f32"), done -> { }));
        assertEquals(missing + ": no such file", refused.getMessage());
    }

    @Test
    void teachersWhoseLabelsDifferAreRefused() throws Exception {
        try (CommandModel otherOrder = CommandModel.load(Path.of(getClass().getResource("/model/other-order.onnx").toURI()))) {
            EarshotException refused = assertThrows(EarshotException.class, () -> new TeacherPosteriors(List.of(tiny, otherOrder)));
            assertTrue(refused.getMessage().startsWith("the teachers differ: labels [no, yes, up"), refused.getMessage());
        }
    }

    @Test
    void noTeacherIsRefused() {
        assertThrows(EarshotException.class, () -> new TeacherPosteriors(List.of()));
    }
}
