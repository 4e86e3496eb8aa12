package dev.earshot.cli;

import dev.earshot.config.DetectionSettings;
import dev.earshot.config.EarshotConfig;
import dev.earshot.eval.DetPlot;
import dev.earshot.eval.HeardRecording;
import dev.earshot.eval.StreamScore;
import dev.earshot.model.CommandModel;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stream-eval", mixinStandardHelpOptions = true,
        description = {"Scores streaming detection on composed recordings: every FILE.wav in DIR with its truth FILE.tsv",
                "(made by scripts/compose_stream.py). Prints hit rate, wrong commands, misses, false accepts per hour",
                "and latency after the end of the word; --sweep adds a DET table (and --det-plot a PNG) over thresholds."})
final class StreamEvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "folder of composed recordings and their .tsv truth files")
    Path dir;

    @Mixin
    ConfigOption configOption;

    @Option(names = "--sweep", split = ",", paramLabel = "T", description = "thresholds to sweep, e.g. 0.5,0.6,0.7,0.8,0.9")
    List<Double> sweep = List.of();

    @Option(names = "--smoothing-ms", paramLabel = "MS", description = "override the config's detection.smoothing_ms")
    Long smoothingMs;

    @Option(names = "--hold-ms", paramLabel = "MS", description = "override the config's detection.hold_ms")
    Long holdMs;

    @Option(names = "--second-look", paramLabel = "P", description = "override the config's detection.second_look (0: none)")
    Double secondLook;

    @Option(names = "--det-plot", paramLabel = "FILE.png", description = "draw the sweep as a DET curve")
    Path detPlot;

    @Mixin
    ModelOption modelOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        EarshotConfig settings = configOption.load();
        DetectionSettings detection = settings.detection();
        detection = new DetectionSettings(detection.threshold(), detection.thresholds(), detection.refractoryMs(),
                smoothingMs == null ? detection.smoothingMs() : smoothingMs, holdMs == null ? detection.holdMs() : holdMs,
                secondLook == null ? detection.secondLook() : secondLook);
        PrintWriter out = spec.commandLine().getOut();
        try (CommandModel model = modelOption.loadFor(settings)) {
            Listening listening = Listening.forConfig(model, detection);
            List<HeardRecording> recordings = HeardRecording.hearAll(listening, dir);
            StreamScore score = score(recordings, listening);
            out.printf(Locale.ROOT, "recordings: %d, %.2f h, %d spoken commands%n", recordings.size(), score.hours(), score.commands());
            out.printf(Locale.ROOT, "hit rate: %.2f%%  (hits %d, wrong commands %d = %.2f%%, misses %d)%n",
                    100 * score.hitRate(), score.hits(), score.wrongCommands(), 100 * score.wrongRate(), score.misses());
            out.printf(Locale.ROOT, "false accepts: %d = %.2f per hour%n", score.falseAccepts(), score.falseAcceptsPerHour());
            out.printf(Locale.ROOT, "latency after the end of the word: median %.0f ms, p95 %.0f ms%n",
                    1000 * score.latency(0.5), 1000 * score.latency(0.95));
            byCommand(score, model.metadata().commands(), out);
            if (!sweep.isEmpty()) {
                sweep(recordings, model, detection, out);
            }
        }
        out.flush();
        return 0;
    }

    /** Where each command misses and where it fires unasked: what its own threshold in the config would trade. */
    private static void byCommand(StreamScore score, List<String> commands, PrintWriter out) {
        out.println();
        out.println("command  said  hits  wrong  misses  false accepts");
        Map<String, StreamScore.CommandScore> scores = score.byCommand();
        for (String command : commands) {
            StreamScore.CommandScore c = scores.getOrDefault(command, StreamScore.CommandScore.NONE);
            out.printf(Locale.ROOT, "%-7s  %4d  %4d  %5d  %6d  %13d%n", command, c.spoken(), c.hits(), c.wrongCommands(),
                    c.misses(), c.falseAccepts());
        }
    }

    private void sweep(List<HeardRecording> recordings, CommandModel model, DetectionSettings base, PrintWriter out) throws IOException {
        out.println();
        out.println("threshold  hit rate  wrong  miss rate  FA/hour  median ms  p95 ms");
        List<DetPlot.Point> points = new ArrayList<>();
        for (double threshold : sweep) {
            StreamScore s = score(recordings, Listening.forConfig(model, base.withThreshold(threshold)));
            out.printf(Locale.ROOT, "%9.2f  %7.2f%%  %5d  %8.2f%%  %7.2f  %9.0f  %6.0f%n", threshold, 100 * s.hitRate(),
                    s.wrongCommands(), 100 * s.missRate(), s.falseAcceptsPerHour(), 1000 * s.latency(0.5), 1000 * s.latency(0.95));
            points.add(new DetPlot.Point(threshold, s.missRate(), s.falseAcceptsPerHour()));
        }
        if (detPlot != null) {
            DetPlot.write(points, "Earshot DET curve: " + dir.getFileName(), detPlot);
            out.println("DET curve: " + detPlot);
        }
    }

    private static StreamScore score(List<HeardRecording> recordings, Listening listening) {
        StreamScore score = new StreamScore();
        for (HeardRecording heard : recordings) {
            score.add(heard.truth(), heard.detectedBy(listening), heard.seconds());
        }
        return score;
    }
}
