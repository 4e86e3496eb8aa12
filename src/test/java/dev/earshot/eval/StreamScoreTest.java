package dev.earshot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.detect.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamScoreTest {

    private static StreamTruth.Word word(double start, double end, String label) {
        return new StreamTruth.Word(start, end, label);
    }

    private static Detection at(double time, String command) {
        return new Detection(time, command, 0.9f);
    }

    @Test
    void aDetectionBetweenTheWordsStartAndOneSecondAfterItsEndIsAHitWithItsLatency() {
        StreamScore score = new StreamScore();
        score.add(List.of(word(1.0, 1.5, "on"), word(5.0, 5.4, "off")), List.of(at(1.8, "on"), at(6.5, "off")), 3600);
        assertEquals(2, score.commands());
        assertEquals(1, score.hits());
        assertEquals(1, score.misses(), "6.5 s is more than a second after off ended at 5.4 s");
        assertEquals(1, score.falseAccepts(), "the late detection then counts as a false accept");
        assertEquals(0.3, score.latency(0.5), 1e-9);
        assertEquals(1.0, score.falseAcceptsPerHour(), 1e-9);
    }

    @Test
    void anotherCommandInTheWordsWindowIsAWrongCommand() {
        StreamScore score = new StreamScore();
        score.add(List.of(word(1.0, 1.5, "on")), List.of(at(1.6, "off")), 60);
        assertEquals(1, score.wrongCommands());
        assertEquals(0, score.falseAccepts());
        assertEquals(1.0, score.missRate(), 1e-9);
    }

    @Test
    void detectionsDuringOtherWordsAndNoiseAreFalseAccepts() {
        StreamScore score = new StreamScore();
        score.add(List.of(word(1.0, 1.5, "_unknown_")), List.of(at(1.4, "go"), at(30, "up")), 1800);
        assertEquals(0, score.commands());
        assertEquals(2, score.falseAccepts());
        assertEquals(4.0, score.falseAcceptsPerHour(), 1e-9);
    }

    @Test
    void oneDetectionServesOneWordOnly() {
        StreamScore score = new StreamScore();
        score.add(List.of(word(1.0, 1.3, "up"), word(1.6, 2.0, "up")), List.of(at(2.1, "up")), 60);
        assertEquals(1, score.hits());
        assertEquals(1, score.misses());
    }

    @Test
    void latencyQuantilesUseTheNearestRank() {
        StreamScore score = new StreamScore();
        List<StreamTruth.Word> words = List.of(word(0, 1, "on"), word(10, 11, "on"), word(20, 21, "on"), word(30, 31, "on"));
        score.add(words, List.of(at(1.1, "on"), at(11.2, "on"), at(21.3, "on"), at(31.4, "on")), 60);
        assertEquals(0.2, score.latency(0.5), 1e-9);
        assertEquals(0.4, score.latency(0.95), 1e-9);
    }

    @Test
    void eachCommandKeepsItsOwnHitsWrongCommandsMissesAndFalseAccepts() {
        StreamScore score = new StreamScore();
        score.add(List.of(word(1.0, 1.5, "on"), word(5.0, 5.4, "on"), word(9.0, 9.3, "off"), word(13.0, 13.4, "off"),
                        word(20.0, 20.4, "_unknown_")),
                List.of(at(1.6, "on"), at(9.5, "on"), at(20.3, "up"), at(40, "on")), 60);
        assertEquals(new StreamScore.CommandScore(2, 1, 0, 1, 1), score.byCommand().get("on"),
                "on: said twice, heard once, missed once, and fired unasked at 40 s");
        assertEquals(new StreamScore.CommandScore(2, 0, 1, 1, 0), score.byCommand().get("off"),
                "off: once taken for on, once missed; the wrong command is charged to the word said");
        assertEquals(new StreamScore.CommandScore(0, 0, 0, 0, 1), score.byCommand().get("up"));
        assertEquals(List.of("off", "on", "up"), List.copyOf(score.byCommand().keySet()));
    }
}
