package dev.earshot.eval;

import dev.earshot.audio.ClipSource;
import dev.earshot.audio.WavReader;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** Hears {@code wav} and reads its truth file (the same name, {@code .tsv}). */
    public static HeardRecording hear(Listening listening, Path wav, int sampleRate) throws IOException {
        float[] samples = WavReader.read(wav);
        List<float[]> posteriors = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        listening.newRecordingRecognizer().listen(new ClipSource(samples, wav.toString()), (p, t) -> {
            posteriors.add(p.clone());
            times.add(t);
        });
        return new HeardRecording(StreamTruth.read(truthFile(wav)), posteriors, times, samples.length / (double) sampleRate);
    }

    /** The detections {@code detector}, fresh, makes on this recording's posteriors, in time order. */
    public List<Detection> detectedBy(CommandDetector detector) {
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < posteriors.size(); i++) {
            detector.process(posteriors.get(i), times.get(i)).ifPresent(detections::add);
        }
        return detections;
    }

    /** Where the truth of a composed recording is kept: FILE.tsv beside FILE.wav. */
    public static Path truthFile(Path wav) {
        return Path.of(wav.toString().replaceFirst("\\.wav$", ".tsv"));
    }
}
