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
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores posteriors computed outside the appliance with its own detector and stream scoring:
 * java -cp target/earshot.jar bench/stateful/ScorePosteriors.java POSTDIR STREAMDIR T...
 * POSTDIR holds FILE.post for each FILE.wav of STREAMDIR: a header line (time, then the labels), then
 * one line per evaluation, the time in seconds and the posteriors, tab-separated. The detector is the
 * one `stream-eval` builds from the default config (smoothing, hold, refractory), at each threshold T.
 */
public class ScorePosteriors {
    public static void main(String[] args) throws Exception {
        Path posteriors = Path.of(args[0]);
        List<Path> wavs;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            wavs = files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
        }
        DetectionSettings defaults = ConfigLoader.loadDefault().detection();
        try (CommandModel model = CommandModel.loadBundled()) {
            System.out.println("threshold  hit rate  wrong  FA/hour  median ms  p95 ms");
            for (int k = 2; k < args.length; k++) {
                DetectionSettings at = new DetectionSettings(Double.parseDouble(args[k]), Map.of(), defaults.refractoryMs(),
                        defaults.smoothingMs(), defaults.holdMs());
                Listening listening = Listening.forConfig(model, at);
                StreamScore score = new StreamScore();
                for (Path wav : wavs) {
                    List<String> lines = Files.readAllLines(posteriors.resolve(wav.getFileName().toString().replaceFirst("\\.wav$", ".post")));
                    List<String> labels = Arrays.asList(lines.get(0).split("\t")).subList(1, lines.get(0).split("\t").length);
                    if (!labels.equals(model.metadata().labels())) {
                        throw new IllegalArgumentException(wav + ": posteriors for " + labels + ", the detector expects " + model.metadata().labels());
                    }
                    CommandDetector detector = listening.newDetector();
                    List<Detection> detections = new ArrayList<>();
                    for (String line : lines.subList(1, lines.size())) {
                        String[] fields = line.split("\t");
                        float[] p = new float[labels.size()];
                        for (int i = 0; i < p.length; i++) {
                            p[i] = Float.parseFloat(fields[i + 1]);
                        }
                        detector.process(p, Double.parseDouble(fields[0])).ifPresent(detections::add);
                    }
                    score.add(StreamTruth.read(Path.of(wav.toString().replaceFirst("\\.wav$", ".tsv"))), detections,
                            WavReader.read(wav).length / (double) model.metadata().features().sampleRate());
                }
                System.out.printf(Locale.ROOT, "%9.2f  %7.2f%%  %5d  %7.2f  %9.0f  %6.0f%n", at.threshold(), 100 * score.hitRate(),
                        score.wrongCommands(), score.falseAcceptsPerHour(), 1000 * score.latency(0.5), 1000 * score.latency(0.95));
            }
        }
    }
}
