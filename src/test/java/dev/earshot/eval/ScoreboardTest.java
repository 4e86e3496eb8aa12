package dev.earshot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    private final Scoreboard board = new Scoreboard(List.of("on", "off", "_silence_", "_unknown_"));

    @Test
    void labelAccuracyCountsExactLabels() {
        board.add("on", "on");
        board.add("off", "on");
        board.add("_silence_", "_unknown_");
        board.add("_unknown_", "_unknown_");
        assertEquals(0.5, board.labelAccuracy(), 1e-9);
        assertEquals(1.0, board.recall("on"), 1e-9);
        assertEquals(0.0, board.recall("off"), 1e-9);
    }

    @Test
    void actionAccuracyTreatsSilenceAndUnknownAlikeAndSeparatesTheErrors() {
        board.add("on", "on");                 // right
        board.add("on", "_silence_");          // miss
        board.add("off", "on");                // wrong command
        board.add("_silence_", "_unknown_");   // right: no command either way
        board.add("_unknown_", "off");         // false action

        Scoreboard.ActionTally tally = board.actions();
        assertEquals(2, tally.right());
        assertEquals(1, tally.misses());
        assertEquals(1, tally.wrongCommands());
        assertEquals(1, tally.falseActions());
        assertEquals(0.4, tally.accuracy(), 1e-9);
        assertEquals(0.2, board.labelAccuracy(), 1e-9);
    }

    @Test
    void theConfusionMatrixKeepsTruthAndPredictionApart() {
        board.add("on", "off");
        assertEquals(1, board.count("on", "off"));
        assertEquals(0, board.count("off", "on"));
        assertEquals(Double.NaN, board.recall("_silence_"));
    }
}
