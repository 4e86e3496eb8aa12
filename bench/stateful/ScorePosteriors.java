import dev.earshot.audio.WavReader;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.DetectionSettings;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.eval.StreamScore;
import dev.earshot.eval.StreamTruth;
import dev.earshot.model.CommandModel;
import dev.earshot.service.Listening;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scores posteriors computed outside the appliance with its own detector and stream scoring:
 * java -cp target/earshot.jar bench/stateful/ScorePosteriors.java POSTDIR STREAMDIR T...
 * POSTDIR holds FILE.post for each FILE.wav of STREAMDIR: a header line (time, then the labels), then
 * one line per evaluation, the time in seconds and the posteriors, tab-separated. The detector is the
 * one `stream-eval` builds from the default config (smoothing, hold, refractory), at each threshold T,
 * without the second look: that hears the audio again, and only posteriors come here.
 */
public class ScorePosteriors {
    /** One composed recording: the posteriors computed for it, its truth and its length. */
    private record Recording(double[] times, float[][] posteriors, List<StreamTruth.Word> truth, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Path posteriorDir = Path.of(args[0]);
        List<Path> wavs;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            wavs = files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
        }
        DetectionSettings defaults = ConfigLoader.loadDefault().detection();
        try (CommandModel model = CommandModel.loadBundled()) {
            // Read once, scored at every threshold.
            List<Recording> recordings = new ArrayList<>();
            for (Path wav : wavs) {
                recordings.add(read(wav, posteriorDir, model.metadata().labels(), model.metadata().features().sampleRate()));
            }
            System.out.println("threshold  hit rate  wrong  FA/hour  median ms  p95 ms");
            for (int k = 2; k < args.length; k++) {
                DetectionSettings at = defaults.withThreshold(Double.parseDouble(args[k]));
                Listening listening = Listening.forConfig(model, at);
                StreamScore score = new StreamScore();
                for (Recording recording : recordings) {
                    CommandDetector detector = listening.newDetector();
                    List<Detection> detections = new ArrayList<>();
                    for (int i = 0; i < recording.times().length; i++) {
                        detector.process(recording.posteriors()[i], recording.times()[i]).ifPresent(detections::add);
                    }
                    score.add(recording.truth(), detections, recording.seconds());
                }
                System.out.printf(Locale.ROOT, "%9.2f  %7.2f%%  %5d  %7.2f  %9.0f  %6.0f%n", at.threshold(), 100 * score.hitRate(),
                        score.wrongCommands(), score.falseAcceptsPerHour(), 1000 * score.latency(0.5), 1000 * score.latency(0.95));
            }
        }
    }

    private static Recording read(Path wav, Path posteriorDir, List<String> expectedLabels, int sampleRate) throws Exception {
        List<String> lines = Files.readAllLines(posteriorDir.resolve(wav.getFileName().toString().replaceFirst("\\.wav$", ".post")));
        String[] header = lines.get(0).split("\t");
        List<String> labels = Arrays.asList(header).subList(1, header.length);
        if (!labels.equals(expectedLabels)) {
            throw new IllegalArgumentException(wav + ": posteriors for " + labels + ", the detector expects " + expectedLabels);
        }
        double[] times = new double[lines.size() - 1];
        float[][] posteriors = new float[lines.size() - 1][labels.size()];
        for (int n = 0; n < times.length; n++) {
            String[] fields = lines.get(n + 1).split("\t");
            times[n] = Double.parseDouble(fields[0]);
            for (int i = 0; i < labels.size(); i++) {
                posteriors[n][i] = Float.parseFloat(fields[i + 1]);
            }
        }
        List<StreamTruth.Word> truth = StreamTruth.read(Path.of(wav.toString().replaceFirst("\\.wav$", ".tsv")));
        return new Recording(times, posteriors, truth, WavReader.read(wav).length / (double) sampleRate);
    }
}
