package dev.earshot.audio;

import java.io.IOException;

/**
 * A source of 16 kHz mono samples in [-1, 1]: a file, standard input or a microphone.
 */
public interface AudioSource extends AutoCloseable {

    int SAMPLE_RATE = 16000;

    /**
     * Blocks until at least one sample is available, then fills the front of {@code buffer}.
     *
     * @return samples written, or -1 at the end of the audio
     */
    int read(float[] buffer) throws IOException;

    /** Where the samples come from, for log and error messages. */
    String name();

    @Override
    void close() throws IOException;
}
