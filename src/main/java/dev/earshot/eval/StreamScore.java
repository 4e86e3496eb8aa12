package dev.earshot.eval;

import dev.earshot.detect.Detection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Scores detections on a recording against what was spoken in it.
 *
 * <p>A spoken command is <b>hit</b> when a detection of that command fires between the word's start
 * and {@value #ACCEPT_AFTER_END_S} s after its end; when only other commands fire there it is a
 * <b>wrong command</b>; when nothing does, a <b>miss</b>. Every detection not used by a spoken
 * command is a <b>false accept</b>. Latency is the time from the end of the word to its hit.
 * Every count is kept per command, so that a command's own threshold can be set where it misses
 * or where it fires on its own; the totals are their sums.
 */
public final class StreamScore {

    public static final double ACCEPT_AFTER_END_S = 1.0;

    private double seconds;
    private final List<Double> latencies = new ArrayList<>();
    private final Map<String, CommandScore> byCommand = new TreeMap<>();

    /**
     * One command's share of the score.
     *
     * @param spoken        times the command was said
     * @param hits          of those, detected as that command
     * @param wrongCommands of those, detected as another command
     * @param misses        of those, not detected at all
     * @param falseAccepts  detections of this command when it was not said
     */
    public record CommandScore(long spoken, long hits, long wrongCommands, long misses, long falseAccepts) {

        /** A command neither said nor detected. */
        public static final CommandScore NONE = new CommandScore(0, 0, 0, 0, 0);
        static final CommandScore HIT = new CommandScore(1, 1, 0, 0, 0);
        static final CommandScore WRONG_COMMAND = new CommandScore(1, 0, 1, 0, 0);
        static final CommandScore MISS = new CommandScore(1, 0, 0, 1, 0);
        static final CommandScore FALSE_ACCEPT = new CommandScore(0, 0, 0, 0, 1);

        CommandScore plus(CommandScore other) {
            return new CommandScore(spoken + other.spoken, hits + other.hits, wrongCommands + other.wrongCommands,
                    misses + other.misses, falseAccepts + other.falseAccepts);
        }
    }

    /** Adds one recording of {@code seconds} length. */
    public void add(List<StreamTruth.Word> truth, List<Detection> detections, double seconds) {
        this.seconds += seconds;
        boolean[] used = new boolean[detections.size()];
        for (StreamTruth.Word word : truth) {
            if (!word.isCommand()) {
                continue;
            }
            int right = -1;
            int wrong = -1;
            for (int i = 0; i < detections.size(); i++) {
                Detection d = detections.get(i);
                if (used[i] || d.timeSeconds() < word.start() || d.timeSeconds() > word.end() + ACCEPT_AFTER_END_S) {
                    continue;
                }
                if (d.command().equals(word.label())) {
                    right = right < 0 ? i : right;
                } else {
                    wrong = wrong < 0 ? i : wrong;
                }
            }
            if (right >= 0) {
                used[right] = true;
                count(word.label(), CommandScore.HIT);
                latencies.add(detections.get(right).timeSeconds() - word.end());
            } else if (wrong >= 0) {
                used[wrong] = true;
                count(word.label(), CommandScore.WRONG_COMMAND);
            } else {
                count(word.label(), CommandScore.MISS);
            }
        }
        for (int i = 0; i < detections.size(); i++) {
            if (!used[i]) {
                count(detections.get(i).command(), CommandScore.FALSE_ACCEPT);
            }
        }
    }

    private void count(String command, CommandScore event) {
        byCommand.merge(command, event, CommandScore::plus);
    }

    /** The score of each command that was said or detected, by name. */
    public Map<String, CommandScore> byCommand() {
        return Collections.unmodifiableMap(byCommand);
    }

    public long commands() {
        return total(CommandScore::spoken);
    }

    public long hits() {
        return total(CommandScore::hits);
    }

    public long wrongCommands() {
        return total(CommandScore::wrongCommands);
    }

    public long misses() {
        return total(CommandScore::misses);
    }

    public long falseAccepts() {
        return total(CommandScore::falseAccepts);
    }

    private long total(ToLongFunction<CommandScore> count) {
        return byCommand.values().stream().mapToLong(count).sum();
    }

    public double hours() {
        return seconds / 3600;
    }

    public double hitRate() {
        return commands() == 0 ? Double.NaN : hits() / (double) commands();
    }

    public double wrongRate() {
        return commands() == 0 ? Double.NaN : wrongCommands() / (double) commands();
    }

    /** Misses and wrong commands: every spoken command that did not get its action. */
    public double missRate() {
        return commands() == 0 ? Double.NaN : (misses() + wrongCommands()) / (double) commands();
    }

    public double falseAcceptsPerHour() {
        return seconds == 0 ? Double.NaN : falseAccepts() / hours();
    }

    /** @param q quantile in [0, 1] of the latency of hits, in seconds; NaN without hits */
    public double latency(double q) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
