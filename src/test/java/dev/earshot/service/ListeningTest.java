package dev.earshot.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.EarshotException;
import dev.earshot.audio.AudioSource;
import dev.earshot.audio.ClipSource;
import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.WavReader;
import dev.earshot.config.DetectionSettings;
import dev.earshot.detect.Classification;
import dev.earshot.detect.Detection;
import dev.earshot.detect.DetectorSettings;
import dev.earshot.model.CommandModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The streaming loop: windows, times, batching, the second look, and a microphone that drops out. */
class ListeningTest {

    private static CommandModel tiny() {
        try {
            return CommandModel.load(Path.of(ListeningTest.class.getResource("/model/tiny.onnx").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final DetectorSettings NEVER = new DetectorSettings(1.0, Map.of(), 1, 1, 1.0);

    /** A live source that plays some audio, then fails like an unplugged microphone. */
    private static final class DroppingSource implements AudioSource {
        private final AudioSource audio;
        private boolean closed;

        DroppingSource(float[] samples) {
            this.audio = new ClipSource(samples, "mic");
        }

        @Override
        public int read(float[] buffer) throws IOException {
            int n = audio.read(buffer);
            if (n < 0) {
                throw new IOException("capture stopped");
            }
            return n;
        }

        @Override
        public String name() {
            return "mic";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theModelSeesTheLastSecondEveryHundredMillisecondsTimedAtTheWindowsEnd() throws IOException {
        try (CommandModel model = tiny()) {
            List<Double> times = new ArrayList<>();
            new Listening(model, NEVER).newRecognizer().listen(new ClipSource(new float[32000], "two seconds"),
                    (p, t) -> times.add(t));
            // first window ends after 49 frames (0.992 s); then one every 5 frames (0.1 s)
            assertEquals(0.992, times.get(0), 1e-9);
            assertEquals(1.092, times.get(1), 1e-9);
            assertEquals(11, times.size());
        }
    }

    @Test
    void aRecordingEvaluatedInBatchesGivesTheSamePosteriorsAsLiveAudio() throws IOException {
        float[] audio = WavBytes.tone(440, 16000, 48000, 0.3);
        for (int i = 0; i < audio.length; i++) {
            audio[i] += (float) Math.sin(i * 0.0007) * 0.2f;
        }
        try (CommandModel model = tiny()) {
            Listening listening = new Listening(model, NEVER);
            List<float[]> live = new ArrayList<>();
            List<float[]> batched = new ArrayList<>();
            listening.newRecognizer().listen(new ClipSource(audio, "live"), (p, t) -> live.add(p.clone()));
            listening.newRecordingRecognizer().listen(new ClipSource(audio, "file"), (p, t) -> batched.add(p.clone()));
            assertEquals(live.size(), batched.size());
            for (int i = 0; i < live.size(); i++) {
                assertArrayEquals(live.get(i), batched.get(i), 1e-5f, "window " + i);
            }
        }
    }

    @Test
    void aMicrophoneThatDropsOutIsOpenedAgainAndListeningGoesOn() throws IOException {
        try (CommandModel model = tiny()) {
            DroppingSource first = new DroppingSource(new float[8000]);
            AtomicInteger reopened = new AtomicInteger();
            Supplier<AudioSource> reopen = () -> {
                if (reopened.incrementAndGet() == 1) {
                    throw new EarshotException("microphone: still unplugged");
                }
                return new ClipSource(new float[8000], "mic again");
            };
            new Listening(model, NEVER, Optional.empty(), 5).run(first, reopen, d -> { });
            assertTrue(first.closed, "the failed source is closed");
            assertEquals(2, reopened.get(), "retried until the device came back");
        }
    }

    @Test
    void aFileOrPipeThatFailsEndsTheRunWithItsName() {
        try (CommandModel model = tiny()) {
            EarshotException e = assertThrows(EarshotException.class,
                    () -> new Listening(model, NEVER, Optional.empty(), 5).run(new DroppingSource(new float[100]), null, d -> { }));
            assertEquals("mic: capture stopped", e.getMessage());
        }
    }

    /** The bundled demo recording, as a live source would deliver it: no batching of windows. */
    private static final class LiveClip implements AudioSource {
        private final ClipSource clip;

        LiveClip(float[] samples) {
            this.clip = new ClipSource(samples, "live");
        }

        @Override
        public int read(float[] buffer) {
            return clip.read(buffer);
        }

        @Override
        public String name() {
            return "live";
        }

        @Override
        public void close() {
        }
    }

    private static List<Detection> heard(Listening listening, AudioSource source) throws IOException {
        List<Detection> detections = new ArrayList<>();
        listening.run(source, null, detections::add);
        return detections;
    }

    @Test
    void aDetectionStandsOnlyWhenItsWindowHeardAgainAsAClipGivesTheSameCommandSureEnough() throws IOException {
        float[] demo = WavReader.read(ListeningTest.class.getResourceAsStream("/dev/earshot/demo/demo.wav"), "demo");
        // A low threshold, so that the detector fires on windows a second look does not confirm.
        DetectionSettings eager = DetectionSettings.defaults().withThreshold(0.6);
        DetectionSettings none = eager.withSecondLook(0);
        try (CommandModel model = CommandModel.loadBundled()) {
            Listening looking = Listening.forConfig(model, eager);
            List<Detection> fired = heard(Listening.forConfig(model, none), new ClipSource(demo, "demo"));
            List<Detection> expected = new ArrayList<>();
            for (Detection d : fired) {
                Classification again = new ClipRecognizer(model).classify(ClipWindow.ending(demo, Listening.endSample(d), 16000));
                if (again.label().equals(d.command()) && again.confidence() >= 0.8) {
                    expected.add(d);
                }
            }

            List<Detection> stood = heard(looking, new ClipSource(demo, "demo"));

            assertEquals(expected, stood);
            assertTrue(!stood.isEmpty() && stood.size() < fired.size(), "some detections taken back, not all: " + fired);
            assertEquals(stood, heard(looking, new LiveClip(demo)), "live audio, one window at a time, is looked at again the same");
        }
    }

    @Test
    void aSecondLookOfZeroIsNone() {
        DetectionSettings off = new DetectionSettings(0.85, Map.of(), 1000, 200, 100, 0);
        try (CommandModel model = tiny()) {
            assertEquals(Optional.empty(), Listening.forConfig(model, off).secondLook());
            assertEquals(0.8, Listening.forConfig(model, DetectionSettings.defaults()).secondLook().orElseThrow().threshold());
        }
    }
}
