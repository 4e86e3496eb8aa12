package dev.earshot.service;

import dev.earshot.EarshotException;
import dev.earshot.audio.AudioSource;
import dev.earshot.audio.RecentAudio;
import dev.earshot.config.DetectionSettings;
import dev.earshot.detect.Classification;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.detect.DetectorSettings;
import dev.earshot.detect.SecondLook;
import dev.earshot.model.CommandModel;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to a source until it ends, through the streaming pipeline, and survives a microphone
 * that drops out: the source is opened again and listening goes on with a fresh window. Each
 * detection is given a second look, when the settings ask for one, before it is passed on.
 */
public final class Listening {

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    /** The model looks at the last second every 100 ms: a word is seen in several positions. */
    public static final int STRIDE_MS = 100;
    static final long RETRY_MS = 2000;
    static final int RECORDING_BATCH = 64;

    private final CommandModel model;
    private final DetectorSettings detectorSettings;
    private final Optional<SecondLook> secondLook;
    private final ClipRecognizer clips;
    private final int strideFrames;
    private final long retryMs;

    /** Listening without a second look. */
    public Listening(CommandModel model, DetectorSettings detectorSettings) {
        this(model, detectorSettings, Optional.empty(), RETRY_MS);
    }

    Listening(CommandModel model, DetectorSettings detectorSettings, Optional<SecondLook> secondLook, long retryMs) {
        this.model = model;
        this.detectorSettings = detectorSettings;
        this.secondLook = secondLook;
        this.clips = new ClipRecognizer(model);
        this.retryMs = retryMs;
        double hopMs = 1000 * model.metadata().features().secondsPerHop();
        this.strideFrames = Math.max(1, (int) Math.round(STRIDE_MS / hopMs));
    }

    /** The detector and the second look as the config's {@code detection:} section describes them. */
    public static Listening forConfig(CommandModel model, DetectionSettings detection) {
        int smoothing = Math.max(1, (int) Math.round(detection.smoothingMs() / (double) STRIDE_MS));
        int consecutive = 1 + (int) Math.round(detection.holdMs() / (double) STRIDE_MS);
        Optional<SecondLook> secondLook = detection.secondLook() > 0 ? Optional.of(new SecondLook(detection.secondLook()))
                : Optional.empty();
        return new Listening(model, new DetectorSettings(detection.threshold(), detection.thresholds(), smoothing, consecutive,
                detection.refractoryMs() / 1000.0), secondLook, RETRY_MS);
    }

    public Optional<SecondLook> secondLook() {
        return secondLook;
    }

    /** How many samples a second look hears: the model's window, ending where the detection fired. */
    public int secondLookSamples() {
        return clips.windowSamples();
    }

    /** The sample at which a detection's window ends, counted from the start of the audio. */
    public static int endSample(Detection detection) {
        return (int) Math.round(detection.timeSeconds() * AudioSource.SAMPLE_RATE);
    }

    /** The window a detection fired on, heard again as {@code classify} hears a clip. */
    public Classification hearAgain(float[] window) {
        return clips.classify(window);
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
                RecentAudio recent = new RecentAudio(listening, recentSamples());
                recognizer.listen(recent, (posteriors, time) -> detector.process(posteriors, time)
                        .filter(detection -> stands(detection, recent)).ifPresent(detections));
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

    private boolean stands(Detection detection, RecentAudio recent) {
        return secondLook.map(look -> look.confirms(detection,
                hearAgain(recent.ending(endSample(detection), secondLookSamples())))).orElse(true);
    }

    /**
     * How much audio to keep for second looks. A recording's posteriors come a batch of windows
     * after their audio was read, so keep a batch of strides besides the window, and a window more
     * for the samples the feature stage holds back.
     */
    private int recentSamples() {
        int strideSamples = strideFrames * model.metadata().features().hopLength();
        return (RECORDING_BATCH + 1) * strideSamples + 2 * secondLookSamples();
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
