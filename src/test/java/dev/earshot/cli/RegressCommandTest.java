package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot regress DIR}: on the project's regression folder, on a user's folder, and on bad folders. */
class RegressCommandTest {

    @TempDir
    Path dir;

    static Path regressionDir() throws Exception {
        return Path.of(RegressCommandTest.class.getResource("/regression/manifest.csv").toURI()).getParent();
    }

    /** Table rows look like "clips/on-1.wav   on   PASS  on (on 0.98)". */
    static List<String> rows(CliRun run) {
        return run.outLines().stream().filter(l -> l.matches("\\S+\\s+\\S+\\s+(PASS|FAIL|miss)\\s+.*")).toList();
    }

    private static List<String> manifestFiles(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("manifest.csv")).stream().skip(1).map(l -> l.split(",")[0]).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    @Test
    void theProjectsOwnRegressionFolderPasses() throws Exception {
        CliRun run = CliRun.of("regress", regressionDir().toString());
        List<String> rows = rows(run);
        List<String> files = manifestFiles(regressionDir());
        assertEquals(files, rows.stream().map(r -> r.split("\\s+")[0]).toList(), "one row per manifest file, in order");
        long streams = Files.readAllLines(regressionDir().resolve("manifest.csv")).stream().filter(l -> l.contains(",stream,")).count();
        assertTrue(run.out().contains("action accuracy on " + (files.size() - streams) + " clips:"), run.out());
        assertTrue(run.out().contains("floor (floor.properties)"), run.out());
        // On failure, show what went wrong: every row but the passes, and the summary.
        assertEquals(0, run.exitCode(), run.out().lines().filter(l -> !l.contains("  PASS  ")).collect(Collectors.joining("\n")) + run.err());
        assertTrue(run.out().contains("regression check passed"), run.out());
    }

    /** A folder whose one recording is a quiet room, listed as if someone said "on" in it. */
    private void quietRoomListedAsOn(String note) throws Exception {
        copy(regressionDir().resolve("clips/silence-1328.wav"), dir.resolve("quiet-room.wav"));
        Files.writeString(dir.resolve("manifest.csv"), "file,expected,note\nquiet-room.wav,on," + note + "\n");
    }

    @Test
    void aWrongExpectationFailsNamingTheFileAndExitsOne() throws Exception {
        quietRoomListedAsOn("nobody said on");
        CliRun run = CliRun.of("regress", dir.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        String row = rows(run).get(0);
        assertTrue(row.matches("quiet-room\\.wav\\s+on\\s+FAIL\\s+\\S+ .*"), row);
        assertTrue(row.contains("expected [lamp=high,fan=low,buzzer=low]"), row);
        assertTrue(run.out().contains("0 passed, 1 failed"), run.out());
    }

    @Test
    void aKnownMissIsNotAFailureButCountsAgainstTheFloor() throws Exception {
        quietRoomListedAsOn("\"known_miss; never heard, of course\"");
        CliRun run = CliRun.of("regress", dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(rows(run).get(0).contains(" miss "), run.out());
        assertTrue(run.out().contains("0 passed, 0 failed, 1 known misses"), run.out());

        Files.writeString(dir.resolve("floor.properties"), "action_accuracy=0.5\n");
        run = CliRun.of("regress", dir.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("BELOW THE FLOOR"), run.out());
    }

    private static void assertOneLineError(CliRun run, String expectedStart) {
        assertEquals(1, run.exitCode(), "exit status");
        assertEquals(1, run.errLines().size(), "one line on stderr: " + run.err());
        assertTrue(run.errLines().get(0).startsWith("earshot: " + expectedStart), run.errLines().get(0));
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void badFoldersGetOneLineNamingTheFileAndTheProblem() throws Exception {
        Path manifest = dir.resolve("manifest.csv");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ": no such file");

        Files.writeString(manifest, "name,label\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ":1: expected the header file,expected,note");

        Files.writeString(manifest, "file,expected,note\nmissing.wav,on,\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ":2: missing.wav: no such file");

        copy(regressionDir().resolve("clips/silence-1328.wav"), dir.resolve("a.wav"));
        Files.writeString(manifest, "file,expected,note\na.wav,on,ok\na.wav\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ":3: expected 2 or 3 fields");

        Files.writeString(manifest, "file,expected,note\na.wav,lights,\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ":2: expected 'lights' is not a command of the model");

        Files.writeString(manifest, "file,expected,note\na.wav,stream,\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ":2: a.wav: a stream needs its truth file a.tsv");

        Files.writeString(manifest, "file,expected,note\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), manifest + ": no files listed");

        Files.writeString(manifest, "file,expected,note\na.wav,on,\n");
        Files.writeString(dir.resolve("floor.properties"), "action_accuracy=high\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), dir.resolve("floor.properties") + ": action_accuracy must be a number");

        Files.writeString(dir.resolve("floor.properties"), "stream_false_detections=-1\n");
        assertOneLineError(CliRun.of("regress", dir.toString()), dir.resolve("floor.properties") + ": stream_false_detections must be a whole number");

        assertOneLineError(CliRun.of("regress", dir.resolve("nowhere").toString()), dir.resolve("nowhere") + ": not a directory");
    }

    /**
     * scripts/record-samples.sh with a recorder that hands over recordings of the regression set
     * instead of a microphone, then {@code regress} on the folder it made.
     */
    @Test
    void aFolderMadeByRecordSamplesPasses() throws Exception {
        Path script = Path.of("scripts/record-samples.sh").toAbsolutePath();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isRegularFile(script), "needs bash");
        // One recording per prompt, from the regression set: a clip of each word, another word, a silence.
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (String line : Files.readAllLines(regressionDir().resolve("manifest.csv")).stream().skip(1).toList()) {
            String[] f = line.split(",");
            if (!f[0].startsWith("clips/") || line.contains("known_miss")) {
                continue;
            }
            String word = f[0].contains("silence-") ? "silence" : f[1].equals("none") ? "other" : f[1];
            Path target = audio.resolve(word + ".wav");
            if (!Files.exists(target)) {
                Files.copy(regressionDir().resolve(f[0]), target);
            }
        }
        Path recorder = dir.resolve("fake-arecord");
        Files.writeString(recorder, String.join("\n",
                "#!/bin/bash",
                "# Called as arecord -q -f S16_LE -r 16000 -c 1 -d 2 FILE.wav: writes the prepared recording of FILE's word.",
                "out=\"${*: -1}\"; name=$(basename \"$out\" .wav); word=${name#*-}",
                "cat \"" + audio + "/$word.wav\" > \"$out\"", ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path recorded = dir.resolve("my-recordings");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString(), recorded.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("ARECORD", recorder.toString());
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains("[1/14] say \"yes\""), printed);

        List<String> manifest = Files.readAllLines(recorded.resolve("manifest.csv"));
        assertEquals("file,expected,note", manifest.get(0));
        assertEquals(List.of("01-yes.wav,yes,the word yes", "11-other.wav,none,another word", "14-silence.wav,none,silence"),
                List.of(manifest.get(1), manifest.get(11), manifest.get(14)));

        CliRun run = CliRun.of("regress", recorded.toString());
        assertEquals(14, rows(run).size(), run.out());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("14 passed, 0 failed, of 14 files"), run.out());
    }
}
