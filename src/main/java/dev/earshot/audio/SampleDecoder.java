package dev.earshot.audio;

import dev.earshot.EarshotException;
import javax.sound.sampled.AudioFormat;

/** Turns interleaved sample bytes of one WAV encoding into mono floats in [-1, 1]. */
final class SampleDecoder {

    private final AudioFormat.Encoding encoding;
    private final int bytesPerSample;
    private final int channels;
    private final boolean bigEndian;

    private SampleDecoder(AudioFormat format) {
        this.encoding = format.getEncoding();
        this.bytesPerSample = format.getSampleSizeInBits() / 8;
        this.channels = format.getChannels();
        this.bigEndian = format.isBigEndian();
    }

    static SampleDecoder forFormat(AudioFormat format, String name) {
        AudioFormat.Encoding encoding = format.getEncoding();
        int bits = format.getSampleSizeInBits();
        boolean integer = encoding.equals(AudioFormat.Encoding.PCM_SIGNED) || encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED);
        boolean supported = integer && (bits == 8 || bits == 16 || bits == 24 || bits == 32)
                || encoding.equals(AudioFormat.Encoding.PCM_FLOAT) && (bits == 32 || bits == 64);
        if (!supported) {
            throw new EarshotException(name + ": unsupported WAV encoding " + encoding + " " + bits
                    + "-bit (expected 8/16/24/32-bit PCM or 32/64-bit float)");
        }
        if (format.getChannels() < 1 || format.getFrameSize() != format.getChannels() * bits / 8) {
            throw new EarshotException(name + ": unsupported WAV layout (" + format.getChannels() + " channels, "
                    + format.getFrameSize() + "-byte frames)");
        }
        float rate = format.getSampleRate();
        if (!(rate >= 4000 && rate <= 192000)) {
            throw new EarshotException(name + ": unsupported sample rate " + rate + " Hz (expected 4000..192000)");
        }
        return new SampleDecoder(format);
    }

    float[] decodeMono(byte[] bytes, int frames) {
        float[] mono = new float[frames];
        int offset = 0;
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(bytes, offset);
                offset += bytesPerSample;
            }
            mono[f] = sum / channels;
        }
        return mono;
    }

    private float sample(byte[] b, int offset) {
        if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            long bits = raw(b, offset);
            return bytesPerSample == 4 ? Float.intBitsToFloat((int) bits) : (float) Double.longBitsToDouble(bits);
        }
        long raw = raw(b, offset);
        int width = 8 * bytesPerSample;
        if (encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            return (float) ((raw - (1L << (width - 1))) / (double) (1L << (width - 1)));
        }
        long signed = (raw << (64 - width)) >> (64 - width);
        return (float) (signed / (double) (1L << (width - 1)));
    }

    private long raw(byte[] b, int offset) {
        long value = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int index = bigEndian ? offset + i : offset + bytesPerSample - 1 - i;
            value = (value << 8) | (b[index] & 0xff);
        }
        return value;
    }
}
