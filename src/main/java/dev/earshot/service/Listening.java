package dev.earshot.service;

import dev.earshot.EarshotException;
import dev.earshot.audio.AudioSource;
import dev.earshot.config.DetectionSettings;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.detect.DetectorSettings;
import dev.earshot.model.CommandModel;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to a source until it ends, through the streaming pipeline, and survives a microphone
 * that drops out: the source is opened again and listening goes on with a fresh window.
 */
public final class Listening {

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    /** The model looks at the last second every 100 ms: a word is seen in several positions. */
    public static final int STRIDE_MS = 100;
    static final long RETRY_MS = 2000;
    static final int RECORDING_BATCH = 64;

    private final CommandModel model;
    private final DetectorSettings detectorSettings;
    private final int strideFrames;
    private final long retryMs;

    public Listening(CommandModel model, DetectorSettings detectorSettings) {
        this(model, detectorSettings, RETRY_MS);
    }

    Listening(CommandModel model, DetectorSettings detectorSettings, long retryMs) {
        this.model = model;
        this.detectorSettings = detectorSettings;
        this.retryMs = retryMs;
        double hopMs = 1000 * model.metadata().features().secondsPerHop();
        this.strideFrames = Math.max(1, (int) Math.round(STRIDE_MS / hopMs));
    }

    /** The detector as the config's {@code detection:} section describes it. */
    public static Listening forConfig(CommandModel model, DetectionSettings detection) {
        int smoothing = Math.max(1, (int) Math.round(detection.smoothingMs() / (double) STRIDE_MS));
        int consecutive = 1 + (int) Math.round(detection.holdMs() / (double) STRIDE_MS);
        return new Listening(model, new DetectorSettings(detection.threshold(), detection.thresholds(), smoothing, consecutive,
                detection.refractoryMs() / 1000.0));
    }

    /** A recogniser with a fresh window, for one uninterrupted stretch of live audio. */
    public StreamRecognizer newRecognizer() {
        return new StreamRecognizer(model, strideFrames, 1);
    }

    /** A recogniser for a recording, which evaluates many windows per run of the model. */
    public StreamRecognizer newRecordingRecognizer() {
        return new StreamRecognizer(model, strideFrames, RECORDING_BATCH);
    }

    public CommandDetector newDetector() {
        return new CommandDetector(model.metadata().labels(), detectorSettings);
    }

    /**
     * Listens to {@code source} to its end.
     *
     * @param reopen opens the source again after it failed (a microphone unplugged and plugged back);
     *               null when it cannot come back (a file, a pipe), and the failure ends the run
     */
    public void run(AudioSource source, Supplier<AudioSource> reopen, Consumer<Detection> detections) throws IOException {
        AudioSource current = source;
        while (true) {
            String name = current.name();
            try (AudioSource listening = current) {
                CommandDetector detector = newDetector();
                StreamRecognizer recognizer = listening.isLive() ? newRecognizer() : newRecordingRecognizer();
                recognizer.listen(listening, (posteriors, time) -> detector.process(posteriors, time).ifPresent(detections));
                return;
            } catch (IOException e) {
                if (reopen == null) {
                    throw new EarshotException(name + ": " + e.getMessage());
                }
                log.warn("{}: {}; trying again every {} ms", name, e.getMessage(), retryMs);
                current = reopenWhenBack(reopen);
            }
        }
    }

    private AudioSource reopenWhenBack(Supplier<AudioSource> reopen) {
        while (true) {
            try {
                Thread.sleep(retryMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EarshotException("stopped while waiting for the audio device to come back");
            }
            try {
                AudioSource source = reopen.get();
                log.info("{}: listening again", source.name());
                return source;
            } catch (EarshotException e) {
                log.warn("still unavailable: {}", e.getMessage());
            }
        }
    }
}
