package dev.earshot.eval;

import dev.earshot.model.ModelMetadata;
import java.util.List;

/**
 * Tallies verdicts on labelled clips and gives both of Earshot's accuracy measures.
 *
 * <ul>
 *   <li><b>Label accuracy</b>: the label chosen among all of the model's labels (12 for the shipped model).</li>
 *   <li><b>Action accuracy</b>, the appliance's view: a command clip is right when its command is
 *       chosen; a silence or unknown clip is right when no command is chosen. Its errors are misses
 *       (a command heard as no command), wrong commands, and false actions (no command heard as one).</li>
 * </ul>
 */
public final class Scoreboard {

    private final List<String> labels;
    private final long[][] confusion;

    public Scoreboard(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.confusion = new long[labels.size()][labels.size()];
    }

    public void add(String truth, String predicted) {
        confusion[index(truth)][index(predicted)]++;
    }

    public List<String> labels() {
        return labels;
    }

    /** @return clips of label {@code truth} classified as {@code predicted} */
    public long count(String truth, String predicted) {
        return confusion[index(truth)][index(predicted)];
    }

    public long total() {
        long total = 0;
        for (long[] row : confusion) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    public long clipsOf(String truth) {
        long n = 0;
        for (long c : confusion[index(truth)]) {
            n += c;
        }
        return n;
    }

    /** Recall of one label; NaN when it has no clips. */
    public double recall(String label) {
        long n = clipsOf(label);
        return n == 0 ? Double.NaN : count(label, label) / (double) n;
    }

    public double labelAccuracy() {
        long right = 0;
        for (int i = 0; i < labels.size(); i++) {
            right += confusion[i][i];
        }
        return right / (double) total();
    }

    public ActionTally actions() {
        long right = 0;
        long misses = 0;
        long wrongCommands = 0;
        long falseActions = 0;
        for (int t = 0; t < labels.size(); t++) {
            boolean truthIsCommand = ModelMetadata.isCommand(labels.get(t));
            for (int p = 0; p < labels.size(); p++) {
                long n = confusion[t][p];
                boolean predictedCommand = ModelMetadata.isCommand(labels.get(p));
                if (truthIsCommand && t == p || !truthIsCommand && !predictedCommand) {
                    right += n;
                } else if (truthIsCommand && !predictedCommand) {
                    misses += n;
                } else if (truthIsCommand) {
                    wrongCommands += n;
                } else {
                    falseActions += n;
                }
            }
        }
        return new ActionTally(right, misses, wrongCommands, falseActions);
    }

    /** Counts of the appliance's outcomes over all clips. */
    public record ActionTally(long right, long misses, long wrongCommands, long falseActions) {
        public long total() {
            return right + misses + wrongCommands + falseActions;
        }

        public double accuracy() {
            return right / (double) total();
        }
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label not among the model's: " + label);
        }
        return i;
    }
}
