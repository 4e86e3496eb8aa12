package dev.earshot.audio;

import dev.earshot.EarshotException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a WAV file as 16 kHz mono samples in [-1, 1].
 *
 * <p>Integer PCM of 8, 16, 24 or 32 bits and IEEE float of 32 or 64 bits are accepted at any rate
 * and channel count; channels are averaged and the rate is converted ({@link RateConverter}).
 * Anything else is refused with a one-line {@link EarshotException} naming the file.
 */
public final class WavReader {

    private WavReader() {
    }

    public static float[] read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new EarshotException(name + ": is a directory, not a WAV file");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name);
        } catch (NoSuchFileException e) {
            throw new EarshotException(name + ": no such file");
        } catch (IOException e) {
            throw new EarshotException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads WAV bytes from a stream (a resource in the jar, say); {@code name} is for messages. */
    public static float[] read(InputStream stream, String name) {
        try (InputStream raw = new BufferedInputStream(stream)) {
            requireRiffWave(raw, name);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
                return decode(in, name);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new EarshotException(name + ": unsupported WAV format (expected PCM or IEEE float samples)");
        } catch (IOException e) {
            throw new EarshotException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static void requireRiffWave(InputStream in, String name) throws IOException {
        in.mark(12);
        byte[] header = in.readNBytes(12);
        in.reset();
        if (header.length == 0) {
            throw new EarshotException(name + ": empty file");
        }
        boolean riffWave = header.length == 12
                && header[0] == 'R' && header[1] == 'I' && header[2] == 'F' && header[3] == 'F'
                && header[8] == 'W' && header[9] == 'A' && header[10] == 'V' && header[11] == 'E';
        if (!riffWave) {
            throw new EarshotException(name + ": not a WAV file (no RIFF/WAVE header)");
        }
    }

    private static float[] decode(AudioInputStream in, String name) throws IOException {
        AudioFormat format = in.getFormat();
        SampleDecoder decoder = SampleDecoder.forFormat(format, name);
        byte[] bytes = in.readAllBytes();
        int frameSize = format.getFrameSize();
        long announced = in.getFrameLength();
        long frames = bytes.length / frameSize;
        if (announced != AudioSystem.NOT_SPECIFIED && frames < announced) {
            throw new EarshotException(name + ": truncated: the header announces " + announced
                    + " frames, the file holds " + frames);
        }
        if (frames == 0) {
            throw new EarshotException(name + ": holds no audio samples");
        }
        float[] mono = decoder.decodeMono(bytes, (int) frames);
        return RateConverter.once(mono, format.getSampleRate(), AudioSource.SAMPLE_RATE);
    }
}
