import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Peer benchmark only (not part of Earshot): runs Vosk, restricted to a grammar of the ten commands
 * plus {@code [unk]}, over a list of 16 kHz mono 16-bit WAV clips.
 *
 * <p>Usage: {@code java -cp vosk.jar:jna.jar:. VoskBench MODEL_DIR CLIP_LIST > predictions.tsv}
 *
 * <p>Writes one line per clip: {@code path TAB recognised text} (words of the grammar, possibly empty;
 * {@code [unk]} for speech that is none of the ten words). Which command, if any, that text chooses is
 * decided by the benchmark's scorer (scripts/bench-peers.sh), the same way for every peer. A clip that
 * cannot be decoded is reported on stderr and left out.
 */
public final class VoskBench {

    private static final List<String> COMMANDS = List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go");
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");

    private VoskBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: VoskBench MODEL_DIR CLIP_LIST");
            System.exit(2);
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        StringBuilder grammar = new StringBuilder("[");
        for (String c : COMMANDS) {
            grammar.append('"').append(c).append("\", ");
        }
        grammar.append("\"[unk]\"]");
        List<String> clips = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (Model model = new Model(args[0]);
             Recognizer recognizer = new Recognizer(model, 16000f, grammar.toString())) {
            byte[] buffer = new byte[8000];
            for (String clip : clips) {
                if (clip.isBlank()) {
                    continue;
                }
                String text;
                try {
                    text = recognise(recognizer, Path.of(clip), buffer);
                } catch (IOException | UnsupportedAudioFileException e) {
                    System.err.println("vosk-bench: " + clip + ": " + e.getMessage());
                    continue;
                }
                out.println(clip + "\t" + text);
            }
        }
        out.flush();
    }

    /** All text Vosk recognises in one clip (it may end an utterance early and start another). */
    private static String recognise(Recognizer recognizer, Path clip, byte[] buffer)
            throws IOException, UnsupportedAudioFileException {
        recognizer.reset();
        List<String> parts = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(clip));
             AudioInputStream audio = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = audio.getFormat();
            if (f.getSampleRate() != 16000f || f.getChannels() != 1 || f.getSampleSizeInBits() != 16
                    || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.isBigEndian()) {
                throw new UnsupportedAudioFileException("not 16 kHz mono 16-bit PCM: " + f);
            }
            int n;
            while ((n = audio.read(buffer)) > 0) {
                if (recognizer.acceptWaveForm(buffer, n)) {
                    parts.add(text(recognizer.getResult()));
                }
            }
        }
        parts.add(text(recognizer.getFinalResult()));
        return String.join(" ", parts).trim().replaceAll("\\s+", " ");
    }

    private static String text(String json) {
        Matcher m = TEXT.matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
