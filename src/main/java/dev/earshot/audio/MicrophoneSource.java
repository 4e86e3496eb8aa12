package dev.earshot.audio;

import dev.earshot.EarshotException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * A microphone through Java Sound (ALSA on Linux), captured as 16 kHz mono 16-bit PCM.
 */
public final class MicrophoneSource implements AudioSource {

    static final AudioFormat CAPTURE_FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private final TargetDataLine line;
    private final String name;
    private byte[] bytes = new byte[0];

    private MicrophoneSource(TargetDataLine line, String name) {
        this.line = line;
        this.name = name;
    }

    /**
     * Opens a capture line.
     *
     * @param device "default", or part of a Java Sound mixer name (an ALSA card appears by its name)
     */
    public static MicrophoneSource open(String device) {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, CAPTURE_FORMAT);
        try {
            if (device == null || device.isBlank() || device.equals("default")) {
                if (!AudioSystem.isLineSupported(info)) {
                    throw new EarshotException("microphone: no capture device supports 16 kHz mono 16-bit"
                            + " (is a microphone connected? try 'arecord -l')");
                }
                return start((TargetDataLine) AudioSystem.getLine(info), "default microphone");
            }
            List<String> names = captureDevices();
            for (Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
                if (names.contains(mixerInfo.getName()) && mixerInfo.getName().contains(device)) {
                    Mixer mixer = AudioSystem.getMixer(mixerInfo);
                    return start((TargetDataLine) mixer.getLine(info), "microphone '" + mixerInfo.getName() + "'");
                }
            }
            throw new EarshotException("microphone: no capture device matches '" + device + "' (available: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new EarshotException("microphone: cannot open capture device '" + device + "': " + e.getMessage());
        }
    }

    /** Names of the Java Sound mixers that can capture 16 kHz mono 16-bit, for {@code audio.device}. */
    public static List<String> captureDevices() {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, CAPTURE_FORMAT);
        List<String> names = new ArrayList<>();
        for (Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(mixerInfo).isLineSupported(info)) {
                names.add(mixerInfo.getName());
            }
        }
        return names;
    }

    private static MicrophoneSource start(TargetDataLine line, String name) throws LineUnavailableException {
        line.open(CAPTURE_FORMAT);
        line.start();
        return new MicrophoneSource(line, name);
    }

    @Override
    public int read(float[] buffer) throws IOException {
        if (bytes.length < 2 * buffer.length) {
            bytes = new byte[2 * buffer.length];
        }
        if (!line.isOpen()) {
            throw new IOException(name + ": capture line closed (microphone unplugged?)");
        }
        int n = line.read(bytes, 0, 2 * buffer.length);
        if (n <= 0) {
            throw new IOException(name + ": capture stopped delivering audio (microphone unplugged?)");
        }
        int samples = n / 2;
        Pcm16.toFloats(bytes, samples, buffer);
        return samples;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
