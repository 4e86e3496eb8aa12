package dev.earshot.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test WAV files of any layout, so each conversion is tested on a file of exactly that kind. */
public final class WavBytes {

    public static final int PCM = 1;
    public static final int IEEE_FLOAT = 3;
    public static final int MU_LAW = 7;

    private WavBytes() {
    }

    /** A WAV file of the given channels, each a function of the frame index in [-1, 1]. */
    public static byte[] wav(int formatTag, int rate, int bits, float[][] channels) {
        int frames = channels[0].length;
        int bytesPerSample = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels.length * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (float[] channel : channels) {
                put(data, formatTag, bits, channel[f]);
            }
        }
        return riff(formatTag, rate, bits, channels.length, data.array());
    }

    public static byte[] riff(int formatTag, int rate, int bits, int channels, byte[] data) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) formatTag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    public static float[] tone(double hz, int rate, int frames, double amplitude) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    private static void put(ByteBuffer b, int formatTag, int bits, float v) {
        if (formatTag == IEEE_FLOAT) {
            if (bits == 32) {
                b.putFloat(v);
            } else {
                b.putDouble(v);
            }
            return;
        }
        switch (bits) {
            case 8 -> b.put((byte) (Math.round(v * 127) + 128));
            case 16 -> b.putShort((short) Math.round(v * 32767));
            case 24 -> {
                int s = Math.round(v * 8388607);
                b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
            }
            case 32 -> b.putInt((int) Math.round(v * 2147483647.0));
            default -> throw new IllegalArgumentException(bits + "-bit");
        }
    }
}
