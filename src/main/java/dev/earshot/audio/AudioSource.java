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

    /**
     * Whether the samples arrive as they are spoken (a microphone, a pipe), so that nothing may
     * wait for later ones; a recording already in memory is not live.
     */
    default boolean isLive() {
        return true;
    }

    /** Where the samples come from, for log and error messages. */
    String name();

    @Override
    void close() throws IOException;
}
