package dev.earshot.eval;

import dev.earshot.EarshotException;
import dev.earshot.audio.AudioSource;
import dev.earshot.audio.ClipSource;
import dev.earshot.audio.WavReader;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A composed recording heard once through the streaming pipeline, as {@code stream} hears it: the
 * model's posteriors for each evaluated window and its time, kept so that every threshold (or
 * every way of deciding) is scored on the same posteriors; with the truth of what was said.
 *
 * @param truth      the words said in it, from the truth file beside it
 * @param posteriors one vector per evaluation, in the model's label order
 * @param times      the position in the recording of the end of each evaluated window, in seconds
 * @param seconds    the recording's length
 */
public record HeardRecording(List<StreamTruth.Word> truth, List<float[]> posteriors, List<Double> times, double seconds) {

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
        return new HeardRecording(StreamTruth.read(truthFile(wav)), posteriors, times, samples.length / (double) AudioSource.SAMPLE_RATE);
    }

    /** The detections {@code detector}, fresh, makes on this recording's posteriors, in time order. */
    public List<Detection> detectedBy(CommandDetector detector) {
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
