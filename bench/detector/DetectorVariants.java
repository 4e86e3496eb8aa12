import dev.earshot.config.ConfigLoader;
import dev.earshot.config.DetectionSettings;
import dev.earshot.detect.Classification;
import dev.earshot.detect.Detection;
import dev.earshot.eval.HeardRecording;
import dev.earshot.eval.StreamScore;
import dev.earshot.model.CommandModel;
import dev.earshot.model.ModelMetadata;
import dev.earshot.service.Listening;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Other ways to decide from the same posteriors, against the appliance's detector, on composed
 * recordings (models/README.md, "Streaming"):
 * java -cp target/earshot.jar bench/detector/DetectorVariants.java MODEL.onnx STREAMDIR
 *
 * <p>Each recording is heard once, as `stream-eval` hears it; every way is then scored at each
 * threshold by the appliance's stream scoring, and its best row by the tuning rule is printed: the
 * fewest misses (in % of the commands) plus five times the false accepts an hour, among the
 * thresholds whose p95 latency is within 500 ms. The ways: the appliance as configured by default
 * (detector and second look), with other second looks, its detector alone, and two other ways
 * for the detector alone to decide.
 */
public class DetectorVariants {

    static final double[] THRESHOLDS = {0.80, 0.85, 0.88, 0.90, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97};
    static final double MAX_P95_S = 0.5;

    /** A way of deciding: the detections it makes on one recording. */
    interface Way {
        List<Detection> detections(HeardRecording recording);
    }

    public static void main(String[] args) throws Exception {
        DetectionSettings defaults = ConfigLoader.loadDefault().detection();
        try (CommandModel model = CommandModel.load(Path.of(args[0]))) {
            List<HeardRecording> recordings = HeardRecording.hearAll(Listening.forConfig(model, defaults), Path.of(args[1]));
            List<String> labels = model.metadata().labels();
            int unknown = labels.indexOf(ModelMetadata.UNKNOWN);
            System.out.println("way                                   threshold  hit rate  wrong  FA/hour  median ms  p95 ms  rule");
            best("as shipped (second look " + defaults.secondLook() + ")", recordings, t -> appliance(model, defaults, t));
            DetectionSettings alone = defaults.withSecondLook(0);
            for (double look : new double[] {0.5, 0.7, 0.9}) {
                best("second look " + look, recordings, t -> appliance(model, defaults.withSecondLook(look), t));
            }
            best("detector alone (" + defaults.smoothingMs() + " ms, hold " + defaults.holdMs() + " ms)", recordings,
                    t -> appliance(model, alone, t));
            double refractorySeconds = defaults.refractoryMs() / 1000.0;
            for (int[] kOfS : new int[][] {{3, 6}, {4, 6}, {5, 6}, {3, 8}, {4, 8}, {5, 8}}) {
                best("count " + kOfS[0] + " of " + kOfS[1], recordings,
                        t -> new Count(labels, t, kOfS[0], kOfS[1], refractorySeconds));
            }
            for (int wait : new int[] {1, 2}) {
                for (double veto : new double[] {0.3, 0.5}) {
                    best("veto wait " + wait + " at " + veto, recordings,
                            t -> new Veto(appliance(model, alone, t), unknown, wait, veto));
                }
            }
        }
    }

    /** The appliance's detector with {@code settings}, and its second look if they ask for one, at {@code threshold}. */
    static Way appliance(CommandModel model, DetectionSettings settings, double threshold) {
        Listening listening = Listening.forConfig(model, settings.withThreshold(threshold));
        return recording -> recording.detectedBy(listening);
    }

    /**
     * Fires a command when it led with a raw posterior of at least the threshold in K of the last S
     * evaluations since the last detection (and not within the refractory time): a word held whole
     * in the window leads for several evaluations, a stray peak for one or two.
     */
    record Count(List<String> labels, double threshold, int k, int s, double refractorySeconds) implements Way {
        public List<Detection> detections(HeardRecording recording) {
            List<Detection> detections = new ArrayList<>();
            int n = recording.times().size();
            int[] leader = new int[n];
            double lastFired = Double.NEGATIVE_INFINITY;
            int since = 0;
            for (int i = 0; i < n; i++) {
                Classification top = Classification.top(recording.posteriors().get(i), labels);
                boolean leads = ModelMetadata.isCommand(top.label()) && top.confidence() >= threshold;
                leader[i] = leads ? labels.indexOf(top.label()) : -1;
                double time = recording.times().get(i);
                if (leader[i] < 0 || time - lastFired < refractorySeconds) {
                    continue;
                }
                int count = 0;
                for (int j = Math.max(since, i - s + 1); j <= i; j++) {
                    count += leader[j] == leader[i] ? 1 : 0;
                }
                if (count >= k) {
                    detections.add(new Detection(time, top.label(), top.confidence()));
                    lastFired = time;
                    since = i + 1;
                }
            }
            return detections;
        }
    }

    /**
     * The appliance's detector, each detection held back for the next {@code evaluations} and dropped
     * when the `_unknown_` posterior reaches {@code veto} in one of them: another word whose start
     * passed for a command is often recognised as another word once all of it is in the window.
     */
    record Veto(Way detector, int unknown, int evaluations, double veto) implements Way {
        public List<Detection> detections(HeardRecording recording) {
            List<Detection> kept = new ArrayList<>();
            List<Double> times = recording.times();
            int next = 0;
            for (Detection d : detector.detections(recording)) {
                while (times.get(next) < d.timeSeconds()) {
                    next++;
                }
                int last = Math.min(times.size() - 1, next + evaluations);
                boolean dropped = false;
                for (int j = next + 1; j <= last; j++) {
                    dropped |= recording.posteriors().get(j)[unknown] >= veto;
                }
                if (!dropped) {
                    kept.add(new Detection(times.get(last), d.command(), d.confidence()));
                }
            }
            return kept;
        }
    }

    static void best(String name, List<HeardRecording> recordings, Function<Double, Way> way) {
        StreamScore best = null;
        double bestThreshold = 0;
        double bestRule = Double.POSITIVE_INFINITY;
        for (double threshold : THRESHOLDS) {
            Way at = way.apply(threshold);
            StreamScore score = new StreamScore();
            for (HeardRecording recording : recordings) {
                score.add(recording.truth(), at.detections(recording), recording.seconds());
            }
            double rule = 100 * (1 - score.hitRate()) + 5 * score.falseAcceptsPerHour();
            if (score.latency(0.95) <= MAX_P95_S && rule < bestRule) {
                best = score;
                bestThreshold = threshold;
                bestRule = rule;
            }
        }
        if (best == null) {
            System.out.printf(Locale.ROOT, "%-38s no threshold within p95 %.0f ms%n", name, 1000 * MAX_P95_S);
            return;
        }
        System.out.printf(Locale.ROOT, "%-38s %9.2f  %7.2f%%  %5d  %7.2f  %9.0f  %6.0f  %.2f%n", name, bestThreshold,
                100 * best.hitRate(), best.wrongCommands(), best.falseAcceptsPerHour(), 1000 * best.latency(0.5),
                1000 * best.latency(0.95), bestRule);
    }
}
