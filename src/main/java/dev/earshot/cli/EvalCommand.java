package dev.earshot.cli;

import dev.earshot.EarshotException;
import dev.earshot.eval.ConfusionPlot;
import dev.earshot.eval.LabelledClips;
import dev.earshot.eval.Scoreboard;
import dev.earshot.model.CommandModel;
import dev.earshot.service.ClipRecognizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures the model on a folder in the Speech Commands layout (DIR/<label>/*.wav).",
                "Prints per-label accuracy, the confusion matrix, label accuracy and action accuracy.",
                "Folders of words the model does not know count as _unknown_."})
final class EvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "one folder per label")
    Path dir;

    @Option(names = "--confusion-png", paramLabel = "FILE.png", description = "also draw the confusion matrix as a picture")
    Path confusionPng;

    @Mixin
    ModelOption modelOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int unreadable = 0;
        Scoreboard board;
        try (CommandModel model = modelOption.load()) {
            List<String> labels = model.metadata().labels();
            List<LabelledClips.Clip> clips = LabelledClips.in(dir, labels);
            ClipRecognizer recognizer = new ClipRecognizer(model);
            board = new Scoreboard(labels);
            for (LabelledClips.Clip clip : clips) {
                try {
                    board.add(clip.label(), recognizer.classify(clip.file()).label());
                } catch (EarshotException e) {
                    spec.commandLine().getErr().println("earshot: " + e.getMessage());
                    unreadable++;
                }
            }
        }
        if (board.total() == 0) {
            throw new EarshotException(dir + ": no readable clips");
        }
        print(board, out);
        if (confusionPng != null) {
            try {
                ConfusionPlot.write(board, "Earshot confusion matrix: " + dir.getFileName(), confusionPng);
            } catch (java.io.IOException e) {
                throw new EarshotException(confusionPng + ": cannot write picture: " + e.getMessage());
            }
        }
        if (unreadable > 0) {
            out.printf(Locale.ROOT, "unreadable files skipped: %d%n", unreadable);
        }
        out.flush();
        return unreadable == 0 ? 0 : Earshot.EXIT_BAD_INPUT;
    }

    static void print(Scoreboard board, PrintWriter out) {
        List<String> labels = board.labels();
        out.println("per-label accuracy (recall):");
        for (String label : labels) {
            long n = board.clipsOf(label);
            if (n > 0) {
                out.printf(Locale.ROOT, "  %-10s %6.2f%%  (%d/%d)%n", label, 100 * board.recall(label), board.count(label, label), n);
            }
        }
        out.println();
        out.println("confusion matrix (rows: true label, columns: predicted):");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-10s", ""));
        for (String label : labels) {
            header.append(String.format(Locale.ROOT, " %6s", abbreviate(label)));
        }
        out.println(header);
        for (String truth : labels) {
            if (board.clipsOf(truth) == 0) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-10s", truth));
            for (String predicted : labels) {
                row.append(String.format(Locale.ROOT, " %6d", board.count(truth, predicted)));
            }
            out.println(row);
        }
        out.println();
        Scoreboard.ActionTally actions = board.actions();
        out.printf(Locale.ROOT, "clips: %d%n", board.total());
        out.printf(Locale.ROOT, "label accuracy (%d-class): %.2f%%%n", labels.size(), 100 * board.labelAccuracy());
        out.printf(Locale.ROOT, "action accuracy: %.2f%%  (misses %d, wrong commands %d, false actions %d)%n",
                100 * actions.accuracy(), actions.misses(), actions.wrongCommands(), actions.falseActions());
    }

    private static String abbreviate(String label) {
        return label.length() <= 6 ? label : label.substring(0, 6);
    }
}
