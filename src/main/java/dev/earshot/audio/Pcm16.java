package dev.earshot.audio;

/** Signed 16-bit little-endian PCM, the capture format of microphones and {@code arecord}. */
final class Pcm16 {

    private Pcm16() {
    }

    static void toFloats(byte[] bytes, int samples, float[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
        }
    }
}
