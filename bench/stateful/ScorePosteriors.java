import dev.earshot.audio.WavReader;
import dev.earshot.detect.CommandDetector;
import dev.earshot.detect.Detection;
import dev.earshot.detect.DetectorSettings;
import dev.earshot.eval.StreamScore;
import dev.earshot.eval.StreamTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores posteriors computed outside the appliance with its own detector and stream scoring:
 * java -cp target/earshot.jar bench/stateful/ScorePosteriors.java POSTDIR STREAMDIR T...
 * POSTDIR holds FILE.post for each FILE.wav of STREAMDIR: one line per evaluation, the time in
 * seconds then the twelve posteriors, tab-separated. Detector: smoothing 200 ms, hold 0, refractory 1 s
 * (the shipped defaults), at each threshold T.
 */
public class ScorePosteriors {
    static final List<String> LABELS = List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "_silence_", "_unknown_");

    public static void main(String[] args) throws Exception {
        Path posteriors = Path.of(args[0]);
        List<Path> wavs;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            wavs = files.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
        }
        System.out.println("threshold  hit rate  wrong  FA/hour  median ms  p95 ms");
        for (int k = 2; k < args.length; k++) {
            double threshold = Double.parseDouble(args[k]);
            StreamScore score = new StreamScore();
            for (Path wav : wavs) {
                CommandDetector detector = new CommandDetector(LABELS, new DetectorSettings(threshold, Map.of(), 2, 1, 1.0));
                List<Detection> detections = new ArrayList<>();
                for (String line : Files.readAllLines(posteriors.resolve(wav.getFileName().toString().replaceFirst("\\.wav$", ".post")))) {
                    String[] fields = line.split("\t");
                    float[] p = new float[LABELS.size()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = Float.parseFloat(fields[i + 1]);
                    }
                    detector.process(p, Double.parseDouble(fields[0])).ifPresent(detections::add);
                }
                score.add(StreamTruth.read(Path.of(wav.toString().replaceFirst("\\.wav$", ".tsv"))), detections,
                        WavReader.read(wav).length / 16000.0);
            }
            System.out.printf(Locale.ROOT, "%9.2f  %7.2f%%  %5d  %7.2f  %9.0f  %6.0f%n", threshold, 100 * score.hitRate(),
                    score.wrongCommands(), score.falseAcceptsPerHour(), 1000 * score.latency(0.5), 1000 * score.latency(0.95));
        }
    }
}
