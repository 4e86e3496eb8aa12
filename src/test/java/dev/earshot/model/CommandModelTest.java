package dev.earshot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import dev.earshot.features.FeatureSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a model: its metadata is read and checked; anything unusable is refused in one line. */
class CommandModelTest {

    static Path fixture(String name) {
        try {
            return Path.of(CommandModelTest.class.getResource("/model/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void aModelCarriesItsLabelsFeatureSettingsAndNormalisation() {
        try (CommandModel model = CommandModel.load(fixture("tiny.onnx"))) {
            ModelMetadata metadata = model.metadata();
            assertEquals(List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "_silence_", "_unknown_"),
                    metadata.labels());
            assertEquals(FeatureSettings.DEFAULT, metadata.features());
            assertEquals(20, metadata.mean().length);
            assertEquals(49, metadata.windowFrames());
            assertEquals(10, metadata.commands().size());
        }
    }

    @Test
    void posteriorsHaveOneProbabilityPerLabelSummingToOne() {
        try (CommandModel model = CommandModel.load(fixture("tiny.onnx"))) {
            float[][] frames = new float[49][20];
            frames[3][4] = 2f;
            float[] posteriors = model.posteriors(frames);
            assertEquals(12, posteriors.length);
            float sum = 0;
            for (float p : posteriors) {
                assertTrue(p >= 0 && p <= 1);
                sum += p;
            }
            assertEquals(1f, sum, 1e-5);
        }
    }

    @Test
    void theBundledModelLoads() {
        try (CommandModel model = CommandModel.loadBundled()) {
            assertTrue(model.metadata().labels().containsAll(List.of("on", "off", "_silence_", "_unknown_")));
            model.metadata().features().requireSupported("bundled");
        }
    }

    @Test
    void aMissingModelIsNamed() {
        Path missing = dir.resolve("gone.onnx");
        assertRefused(missing, missing + ": model file not found");
    }

    @Test
    void aFileThatIsNotOnnxIsRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a protobuf at all");
        assertRefused(junk, junk + ": not a loadable ONNX model");
    }

    @Test
    void anOnnxModelWithoutEarshotMetadataIsRefused() {
        Path plain = fixture("no-metadata.onnx");
        assertRefused(plain, plain + ": the ONNX model carries no Earshot metadata");
    }

    @Test
    void aModelTrainedOnFeaturesTheFrontEndCannotProduceIsRefused() {
        Path eightKilohertz = fixture("wrong-rate.onnx");
        assertRefused(eightKilohertz, eightKilohertz + ": unsupported feature setting: sample rate 8000 Hz");
    }

    @Test
    void metadataThatDisagreesWithTheGraphIsRefused() {
        Path mismatch = fixture("wrong-width.onnx");
        assertRefused(mismatch, mismatch + ": input 'mfcc' does not take 13 coefficients per frame");
    }

    @Test
    void aGraphThatTakesAnotherWindowThanItsMetadataIsRefused() {
        Path mismatch = fixture("wrong-window.onnx");
        assertRefused(mismatch, mismatch + ": input 'mfcc' takes 25 frames, not the window of 49 its metadata names");
    }

    private static void assertRefused(Path model, String messageStart) {
        EarshotException e = assertThrows(EarshotException.class, () -> CommandModel.load(model).close());
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }
}
