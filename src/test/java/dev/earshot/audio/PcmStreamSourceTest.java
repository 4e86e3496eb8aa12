package dev.earshot.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PcmStreamSourceTest {

    /** Hands over one byte at a time, as a pipe may. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void signedLittleEndianSamplesAreScaledToPlusMinusOne() throws IOException {
        byte[] pcm = {0x00, 0x40, 0x00, (byte) 0xC0, (byte) 0xFF, 0x7F};
        float[] buffer = new float[3];
        try (PcmStreamSource source = new PcmStreamSource(new ByteArrayInputStream(pcm), "stdin")) {
            assertEquals(3, source.read(buffer));
            assertArrayEquals(new float[] {0.5f, -0.5f, 32767 / 32768f}, buffer);
            assertEquals(-1, source.read(buffer));
        }
    }

    @Test
    void samplesSplitAcrossReadsAreReassembled() throws IOException {
        byte[] pcm = {0x00, 0x40, 0x00, (byte) 0xC0, 0x00, 0x20};
        float[] all = new float[3];
        int n = 0;
        try (PcmStreamSource source = new PcmStreamSource(trickle(pcm), "stdin")) {
            float[] buffer = new float[2];
            int got;
            while ((got = source.read(buffer)) > 0) {
                System.arraycopy(buffer, 0, all, n, got);
                n += got;
            }
        }
        assertEquals(3, n);
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.25f}, all);
    }

    @Test
    void aStreamEndingInsideASampleIsAnError() throws IOException {
        try (PcmStreamSource source = new PcmStreamSource(new ByteArrayInputStream(new byte[] {1, 2, 3}), "stdin")) {
            float[] buffer = new float[8];
            assertEquals(1, source.read(buffer));
            EOFException e = assertThrows(EOFException.class, () -> source.read(buffer));
            assertTrue(e.getMessage().startsWith("stdin:"), e.getMessage());
        }
    }

    @Test
    void clipSourcePlaysItsSamplesThenEnds() throws IOException {
        float[] samples = new float[10];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i / 10f;
        }
        try (ClipSource source = new ClipSource(samples, "clip")) {
            float[] buffer = new float[4];
            assertEquals(4, source.read(buffer));
            assertEquals(4, source.read(buffer));
            assertEquals(2, source.read(buffer));
            assertEquals(0.9f, buffer[1]);
            assertEquals(-1, source.read(buffer));
        }
    }
}
