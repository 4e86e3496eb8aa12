package dev.earshot.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.earshot.audio.WavReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Golden features: the MFCC frames of one fixed regression recording, as the shipped front end
 * computes them, against the values committed in {@code regression/golden/mfcc.csv}. A change of
 * TarsosDSP, the JVM or the feature code that moves the numbers the model sees fails here, before it
 * shows up as a drop in accuracy.
 *
 * <p>To accept new numbers deliberately (and say why in the commit message):
 * {@code mvn test -Dtest=GoldenFeaturesTest -Dearshot.golden.rewrite=true}, which rewrites
 * {@code src/test/resources/regression/golden/mfcc.csv} and then fails once to say so.
 */
class GoldenFeaturesTest {

    static final String CLIP = "clips/on-840c366d_nohash_0.wav";
    static final String GOLDEN = "golden/mfcc.csv";
    static final String SOURCE_GOLDEN = "src/test/resources/regression/" + GOLDEN;
    static final double TOLERANCE = 1e-3;

    private static Path resource(String name) throws Exception {
        return Path.of(GoldenFeaturesTest.class.getResource("/regression/" + name).toURI());
    }

    static float[][] frames() throws Exception {
        return MfccStream.framesOf(WavReader.read(resource(CLIP)), FeatureSettings.DEFAULT);
    }

    @Test
    void mfccFramesOfTheFixedRecordingMatchTheCommittedValues() throws Exception {
        float[][] frames = frames();
        if (Boolean.getBoolean("earshot.golden.rewrite")) {
            rewrite(frames);
            fail("rewrote " + SOURCE_GOLDEN + " (" + frames.length + " frames): commit it with the reason; run again without -Dearshot.golden.rewrite");
        }
        List<String> rows = Files.readAllLines(resource(GOLDEN), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertEquals(rows.size(), frames.length, "frames of " + CLIP);
        double worst = 0;
        String where = "";
        for (int f = 0; f < frames.length; f++) {
            String[] golden = rows.get(f).split(",");
            assertEquals(FeatureSettings.DEFAULT.coefficients(), golden.length, "coefficients in row " + f + " of " + GOLDEN);
            for (int c = 0; c < golden.length; c++) {
                double off = Math.abs(Double.parseDouble(golden[c]) - frames[f][c]);
                if (off > worst) {
                    worst = off;
                    where = String.format(Locale.ROOT, "frame %d, coefficient %d: golden %s, now %.6f", f, c, golden[c], frames[f][c]);
                }
            }
        }
        if (worst > TOLERANCE) {
            fail(String.format(Locale.ROOT, "MFCC of %s moved by up to %.6f (tolerance %.0e) from %s; worst at %s."
                    + " If the change is deliberate, rewrite the golden file (see GoldenFeaturesTest) and retrain or re-check the model.",
                    CLIP, worst, TOLERANCE, GOLDEN, where));
        }
    }

    private static void rewrite(float[][] frames) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# MFCC frames of " + CLIP + " (FeatureSettings.DEFAULT), one row per frame; written by GoldenFeaturesTest"
                + " with -Dearshot.golden.rewrite=true");
        for (float[] frame : frames) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < frame.length; c++) {
                row.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", frame[c]));
            }
            lines.add(row.toString());
        }
        Path target = Path.of(SOURCE_GOLDEN);
        Files.createDirectories(target.getParent());
        Files.write(target, lines, StandardCharsets.UTF_8);
    }
}
