package dev.earshot.cli;

import dev.earshot.config.EarshotConfig;
import dev.earshot.eval.RegressionManifest;
import dev.earshot.eval.RegressionRun;
import dev.earshot.eval.Scoreboard;
import dev.earshot.model.CommandModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Checks recordings with known expected actions through the whole pipeline",
                "(WAV, MFCC, model, detector, mock GPIO: no pin really changes).",
                "DIR holds a manifest.csv with the columns file,expected,note; expected is a command,",
                "none (nothing must happen) or stream (a long recording, truth in the .tsv beside it).",
                "Prints one row per file and a summary; exits 1 if any file fails or the results",
                "fall short of DIR/floor.properties."})
final class RegressCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "folder with manifest.csv and the recordings it lists")
    Path dir;

    @Mixin
    ConfigOption configOption;

    @Mixin
    ModelOption modelOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EarshotConfig settings = configOption.load();
        PrintWriter out = spec.commandLine().getOut();
        RegressionRun.Report report;
        try (CommandModel model = modelOption.loadFor(settings); RegressionRun run = new RegressionRun(model, settings)) {
            RegressionManifest manifest = RegressionManifest.read(dir, model.metadata().labels());
            int width = Math.max(4, manifest.entries().stream().mapToInt(e -> e.file().length()).max().orElse(4));
            String row = "%-" + width + "s  %-8s  %-4s  %s%n";
            out.printf(Locale.ROOT, row, "file", "expected", "", "actual");
            report = run.run(manifest, result -> {
                String verdict = switch (result.status()) {
                    case PASS -> "PASS";
                    case FAIL -> "FAIL";
                    case KNOWN_MISS -> "miss";
                };
                String detail = result.problems().isEmpty() ? "" : "  -- " + String.join("; ", result.problems());
                if (result.status() == RegressionRun.Status.KNOWN_MISS) {
                    detail = result.entry().isStream() ? "  -- known miss: " + String.join("; ", result.problems()) : "  -- known miss";
                }
                out.printf(Locale.ROOT, row, result.entry().file(), result.entry().expected(), verdict, result.actual() + detail);
                out.flush();
            });
        }
        printSummary(report, out);
        out.flush();
        return report.ok() ? 0 : Earshot.EXIT_BAD_INPUT;
    }

    private static void printSummary(RegressionRun.Report report, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%d passed, %d failed%s, of %d files%n", report.passed(), report.failed(),
                report.knownMisses() > 0 ? ", " + report.knownMisses() + " known misses" : "", report.results().size());
        Scoreboard.ActionTally actions = report.actions();
        if (actions.total() > 0) {
            out.printf(Locale.ROOT, "action accuracy on %d clips: %.2f%%  (misses %d, wrong commands %d, false actions %d)%n",
                    actions.total(), 100 * actions.accuracy(), actions.misses(), actions.wrongCommands(), actions.falseActions());
        }
        RegressionRun.Timeline timelines = report.timelines();
        if (timelines.commands() > 0) {
            out.printf(Locale.ROOT, "long recordings: %d of %d commands detected in time, %d unexpected detections%n",
                    timelines.hits(), timelines.commands(), timelines.unexpected());
        }
        report.manifest().floor().ifPresent(floor -> {
            List<String> shortfalls = report.belowFloor();
            out.println("floor (" + RegressionManifest.FLOOR_FILE + "): " + (shortfalls.isEmpty() ? "met" : "BELOW THE FLOOR: "
                    + String.join("; ", shortfalls)));
        });
        out.println(report.ok() ? "regression check passed" : "REGRESSION: see the FAIL rows above");
    }
}
