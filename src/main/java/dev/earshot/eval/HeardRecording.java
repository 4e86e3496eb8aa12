package dev.earshot.eval;

import dev.earshot.EarshotException;
import dev.earshot.audio.AudioSource;
import dev.earshot.audio.ClipSource;
import dev.earshot.audio.ClipWindow;
import dev.earshot.audio.WavReader;
import dev.earshot.detect.Classification;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.detect.SecondLook;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A composed recording heard once through the streaming pipeline, as {@code stream} hears it: the
 * model's posteriors for each evaluated window and its time, kept so that every threshold (or
 * every way of deciding) is scored on the same posteriors; with the truth of what was said.
 * Second looks are heard from the file when first asked for and kept too: a window heard again
 * gives the same verdict at every threshold.
 */
public final class HeardRecording {

    private final Path wav;
    private final List<StreamTruth.Word> truth;
    private final List<float[]> posteriors;
    private final List<Double> times;
    private final double seconds;
    private final Map<Integer, Classification> heardAgain = new HashMap<>();

    private HeardRecording(Path wav, List<StreamTruth.Word> truth, List<float[]> posteriors, List<Double> times, double seconds) {
        this.wav = wav;
        this.truth = truth;
        this.posteriors = posteriors;
        this.times = times;
        this.seconds = seconds;
    }

    /**
     * Hears every recording of a folder of composed recordings (FILE.wav with its truth FILE.tsv, as
     * {@code scripts/compose_stream.py} writes them), in name order.
     */
    public static List<HeardRecording> hearAll(Listening listening, Path dir) throws IOException {
        List<HeardRecording> recordings = new ArrayList<>();
        for (Path wav : recordingsIn(dir)) {
            recordings.add(hear(listening, wav));
        }
        return recordings;
    }

    /** Hears {@code wav} and reads its truth file (the same name, {@code .tsv}). */
    public static HeardRecording hear(Listening listening, Path wav) throws IOException {
        float[] samples = WavReader.read(wav);
        List<float[]> posteriors = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        listening.newRecordingRecognizer().listen(new ClipSource(samples, wav.toString()), (p, t) -> {
            posteriors.add(p.clone());
            times.add(t);
        });
        return new HeardRecording(wav, StreamTruth.read(truthFile(wav)), posteriors, times, samples.length / (double) AudioSource.SAMPLE_RATE);
    }

    /** The words said in it, from the truth file beside it. */
    public List<StreamTruth.Word> truth() {
        return truth;
    }

    /** One vector per evaluation, in the model's label order. */
    public List<float[]> posteriors() {
        return posteriors;
    }

    /** The position in the recording of the end of each evaluated window, in seconds. */
    public List<Double> times() {
        return times;
    }

    /** The recording's length in seconds. */
    public double seconds() {
        return seconds;
    }

    /**
     * The detections {@code listening} makes on this recording, as {@code stream} would: its
     * detector, fresh, over the posteriors, then its second look, if it has one. {@code listening}
     * must use the model that heard the recording.
     */
    public List<Detection> detectedBy(Listening listening) {
        List<Detection> detections = firedBy(listening.newDetector());
        Optional<SecondLook> secondLook = listening.secondLook();
        if (secondLook.isEmpty() || detections.isEmpty()) {
            return detections;
        }
        List<Detection> kept = new ArrayList<>();
        float[] samples = null;
        for (Detection detection : detections) {
            int end = Listening.endSample(detection);
            Classification verdict = heardAgain.get(end);
            if (verdict == null) {
                if (samples == null) {
                    samples = WavReader.read(wav);
                }
                verdict = listening.hearAgain(ClipWindow.ending(samples, end, listening.secondLookSamples()));
                heardAgain.put(end, verdict);
            }
            if (secondLook.get().confirms(detection, verdict)) {
                kept.add(detection);
            }
        }
        return kept;
    }

    /** The detections {@code detector}, fresh, makes on this recording's posteriors, in time order; no second look. */
    private List<Detection> firedBy(CommandDetector detector) {
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < posteriors.size(); i++) {
            detector.process(posteriors.get(i), times.get(i)).ifPresent(detections::add);
        }
        return detections;
    }

    private static Path truthFile(Path wav) {
        return Path.of(wav.toString().replaceFirst("\\.wav$", ".tsv"));
    }

    private static List<Path> recordingsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new EarshotException(dir + ": not a directory of composed recordings");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> wavs = files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
            for (Path wav : wavs) {
                if (!Files.isRegularFile(truthFile(wav))) {
                    throw new EarshotException(wav + ": no truth file beside it (.tsv)");
                }
            }
            if (wavs.isEmpty()) {
                throw new EarshotException(dir + ": no .wav recordings");
            }
            return wavs;
        } catch (IOException e) {
            throw new EarshotException(dir + ": cannot list: " + e.getMessage());
        }
    }
}
