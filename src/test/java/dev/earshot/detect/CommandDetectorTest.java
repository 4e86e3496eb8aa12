package dev.earshot.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detector on synthetic posteriors over labels on, off, _silence_, _unknown_. */
class CommandDetectorTest {

    private static final List<String> LABELS = List.of("on", "off", "_silence_", "_unknown_");

    private static float[] p(float on, float off, float silence, float unknown) {
        return new float[] {on, off, silence, unknown};
    }

    private static final float[] SILENCE = p(0.01f, 0.01f, 0.97f, 0.01f);
    private static final float[] ON = p(0.95f, 0.02f, 0.02f, 0.01f);

    private static List<Detection> run(CommandDetector detector, List<float[]> posteriors) {
        List<Detection> fired = new ArrayList<>();
        for (int i = 0; i < posteriors.size(); i++) {
            detector.process(posteriors.get(i), 0.1 * (i + 1)).ifPresent(fired::add);
        }
        return fired;
    }

    private static DetectorSettings settings(double threshold, int smoothing, int consecutive, double refractory) {
        return new DetectorSettings(threshold, Map.of(), smoothing, consecutive, refractory);
    }

    @Test
    void aConfidentCommandFiresOnceAtTheTimeItWasHeard() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.8, 1, 1, 1.0));
        List<Detection> fired = run(detector, List.of(SILENCE, SILENCE, ON, ON, ON, SILENCE));
        assertEquals(1, fired.size());
        assertEquals("on", fired.get(0).command());
        assertEquals(0.3, fired.get(0).timeSeconds(), 1e-9);
        assertEquals(0.95f, fired.get(0).confidence(), 1e-6);
    }

    @Test
    void silenceAndUnknownNeverFireHoweverConfident() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.5, 1, 1, 0));
        List<float[]> stream = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stream.add(i % 2 == 0 ? p(0, 0, 1, 0) : p(0, 0, 0, 1));
        }
        assertTrue(run(detector, stream).isEmpty());
    }

    @Test
    void aPosteriorBelowItsThresholdDoesNotFire() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.9, 1, 1, 0));
        assertTrue(run(detector, List.of(p(0.85f, 0.05f, 0.05f, 0.05f))).isEmpty());
    }

    @Test
    void aPerCommandThresholdOverridesTheDefault() {
        DetectorSettings strictOff = new DetectorSettings(0.5, Map.of("off", 0.99), 1, 1, 0);
        CommandDetector detector = new CommandDetector(LABELS, strictOff);
        assertTrue(run(detector, List.of(p(0.02f, 0.95f, 0.02f, 0.01f))).isEmpty());
        assertEquals("on", run(detector, List.of(p(0.6f, 0.2f, 0.1f, 0.1f))).get(0).command());
    }

    @Test
    void smoothingAveragesAwayASingleSpike() {
        CommandDetector smoothed = new CommandDetector(LABELS, settings(0.8, 3, 1, 0));
        assertTrue(run(smoothed, List.of(SILENCE, SILENCE, ON, SILENCE, SILENCE)).isEmpty());

        CommandDetector raw = new CommandDetector(LABELS, settings(0.8, 1, 1, 0));
        assertEquals(1, run(raw, List.of(SILENCE, SILENCE, ON, SILENCE, SILENCE)).size());
    }

    @Test
    void smoothingFiresOnceTheAverageHasRisen() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.8, 3, 1, 1.0));
        List<Detection> fired = run(detector, List.of(SILENCE, ON, ON, ON, ON));
        assertEquals(1, fired.size());
        // (0.95 * 3) / 3 only at the fourth evaluation; at the third the average is (0.01 + 2 * 0.95) / 3 < 0.8.
        assertEquals(0.4, fired.get(0).timeSeconds(), 1e-9);
    }

    @Test
    void aCommandMustHoldForTheMinimumNumberOfEvaluations() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.8, 1, 3, 0));
        assertTrue(run(detector, List.of(ON, ON, SILENCE, ON, ON, SILENCE)).isEmpty());
        CommandDetector again = new CommandDetector(LABELS, settings(0.8, 1, 3, 0));
        List<Detection> fired = run(again, List.of(ON, ON, ON));
        assertEquals(0.3, fired.get(0).timeSeconds(), 1e-9);
    }

    @Test
    void theRefractoryTimeSuppressesRepeatsAndThenExpires() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.8, 1, 1, 0.5));
        List<float[]> stream = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stream.add(ON);
        }
        List<Detection> fired = run(detector, stream);
        // at 0.1 s, then not before 0.6 s, then not before 1.1 s
        assertEquals(List.of(0.1, 0.6, 1.1), fired.stream().map(d -> Math.round(d.timeSeconds() * 10) / 10.0).toList());
    }

    @Test
    void resetForgetsPastPosteriorsSoTheyCannotCompleteAStreak() {
        CommandDetector detector = new CommandDetector(LABELS, settings(0.8, 2, 2, 0));
        assertEquals(Optional.empty(), detector.process(ON, 0.1));
        detector.reset();
        assertEquals(Optional.empty(), detector.process(ON, 0.2));
        assertEquals("on", detector.process(ON, 0.3).orElseThrow().command());
    }
}
