package dev.earshot.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.earshot.config.ConfigLoader;
import dev.earshot.eval.RegressionManifest.Entry;
import dev.earshot.model.CommandModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The recorded-audio regression suite: every file of {@code src/test/resources/regression/manifest.csv}
 * through the whole pipeline (WAV → MFCC → ONNX → detector → mock GPIO), with {@link RegressionRun}, the
 * code behind {@code earshot regress DIR}.
 *
 * <ul>
 *   <li>One test per clip: the expected action and the pin levels the default config maps it to. A
 *       clip whose note starts with {@code known_miss} is a recorded miss of the shipped model: its
 *       test is skipped while the model still gets it wrong, but still fails if the pins do not follow
 *       what the model heard.</li>
 *   <li>One test per long recording: the detection timeline within {@link RegressionRun#TIMELINE_TOLERANCE_S}
 *       and the pins at the end.</li>
 *   <li>The floor in {@code floor.properties}: the action accuracy over all clips and the share of the long
 *       recordings' commands detected in time, known misses included, and their unexpected detections.</li>
 * </ul>
 *
 * <p>The bundled model (models/earshot.onnx) is checked unless the system property
 * {@value #MODEL_PROPERTY} names another: {@code mvn test -Dtest=RecordedAudioRegressionTest
 * -Dearshot.regression.model=/tmp/candidate.onnx}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedAudioRegressionTest {

    static final String MODEL_PROPERTY = "earshot.regression.model";

    private CommandModel model;
    private RegressionRun run;
    private RegressionManifest manifest;
    private final Map<String, RegressionRun.Result> results = new ConcurrentHashMap<>();

    static Path regressionDir() throws Exception {
        return Path.of(RecordedAudioRegressionTest.class.getResource("/regression/manifest.csv").toURI()).getParent();
    }

    @BeforeAll
    void load() throws Exception {
        String candidate = System.getProperty(MODEL_PROPERTY, "");
        model = candidate.isBlank() ? CommandModel.loadBundled() : CommandModel.load(Path.of(candidate));
        run = new RegressionRun(model, ConfigLoader.loadDefault());
        manifest = RegressionManifest.read(regressionDir(), model.metadata().labels());
    }

    @AfterAll
    void close() {
        run.close();
        model.close();
    }

    private RegressionRun.Result resultOf(Entry entry) {
        return results.computeIfAbsent(entry.file(), file -> run.check(entry));
    }

    @TestFactory
    Stream<DynamicTest> eachClipTakesItsExpectedActionAndSetsThePins() {
        return checkEach(manifest.clips());
    }

    @TestFactory
    Stream<DynamicTest> eachLongRecordingGivesItsDetectionTimeline() {
        return checkEach(manifest.streams());
    }

    /** One test per entry: it passes, fails with what went wrong, or is skipped as a known miss. */
    private Stream<DynamicTest> checkEach(List<Entry> entries) {
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.file(), entry.path().toUri(), () -> {
            RegressionRun.Result result = resultOf(entry);
            switch (result.status()) {
                case PASS -> { }
                case FAIL -> fail(result.describe());
                case KNOWN_MISS -> Assumptions.abort("known miss: " + result.describe());
            }
        }));
    }

    @Test
    void theResultsAreNotBelowTheRecordedFloor() {
        assertTrue(manifest.floor().flatMap(RegressionManifest.Floor::actionAccuracy).isPresent(),
                "regression/floor.properties must set " + RegressionManifest.FLOOR_KEY);
        Scoreboard scores = new Scoreboard(model.metadata().labels());
        List<RegressionRun.Result> all = manifest.entries().stream().map(entry -> {
            RegressionRun.Result result = resultOf(entry);
            if (!entry.isStream()) {
                RegressionRun.score(scores, entry, result);
            }
            return result;
        }).toList();
        List<String> shortfalls = new RegressionRun.Report(manifest, all, scores).belowFloor();
        if (!shortfalls.isEmpty()) {
            List<RegressionRun.Result> wrong = all.stream().filter(r -> r.status() != RegressionRun.Status.PASS).toList();
            fail(String.join("; ", shortfalls) + " (floor.properties); " + wrong.size() + " files wrong:\n  "
                    + wrong.stream().map(RegressionRun.Result::describe).collect(Collectors.joining("\n  ")));
        }
    }

    @Test
    void theSetHoldsWhatTheIssueAsksFor() throws Exception {
        List<Entry> clips = manifest.clips();
        assertTrue(clips.size() >= 200, "one-second clips: " + clips.size());
        assertTrue(manifest.streams().size() >= 3, "long recordings: " + manifest.streams().size());
        for (String command : model.metadata().commands()) {
            assertTrue(clips.stream().filter(c -> c.expected().equals(command)).count() >= 10, "clips of " + command);
        }
        assertTrue(clips.stream().filter(c -> c.note().contains("silence")).count() >= 10, "silence clips");
        assertTrue(clips.stream().filter(c -> c.note().contains("other word")).count() >= 10, "other-word clips");
        for (String kind : List.of("quiet", "loud", "rate8k", "rate44k1", "rate48k", "stereo", "noise-doingthedishes",
                "noise-dudemiaowing", "noise-exercisebike", "noise-pinknoise", "noise-runningtap", "noise-whitenoise")) {
            assertTrue(clips.stream().anyMatch(c -> c.file().startsWith("hard/" + kind + "-")), "hard case " + kind);
        }
        String notice = Files.readString(regressionDir().resolve("NOTICE"));
        assertTrue(notice.contains("CC-BY-4.0") && notice.contains("Speech Commands"), "NOTICE credits Speech Commands under CC-BY-4.0");
    }
}
