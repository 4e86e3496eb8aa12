package dev.earshot.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Raw 16 kHz mono signed 16-bit little-endian PCM from a stream, as {@code arecord -f S16_LE -r 16000 -c 1} writes it.
 */
public final class PcmStreamSource implements AudioSource {

    private final InputStream in;
    private final String name;
    private byte[] bytes = new byte[0];
    private boolean oddByte;
    private byte carried;

    public PcmStreamSource(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public int read(float[] buffer) throws IOException {
        if (bytes.length < 2 * buffer.length) {
            bytes = new byte[2 * buffer.length];
        }
        int total = 0;
        if (oddByte) {
            bytes[0] = carried;
            total = 1;
        }
        // A pipe may hand over half a sample; read on until there is a whole one.
        while (total < 2) {
            int n = in.read(bytes, total, 2 * buffer.length - total);
            if (n < 0) {
                if (total == 1) {
                    throw new EOFException(name + ": stream ended in the middle of a 16-bit sample");
                }
                return -1;
            }
            total += n;
        }
        int samples = total / 2;
        Pcm16.toFloats(bytes, samples, buffer);
        oddByte = (total & 1) == 1;
        if (oddByte) {
            carried = bytes[total - 1];
        }
        return samples;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
