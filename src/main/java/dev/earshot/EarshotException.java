package dev.earshot;

/**
 * A problem with something the user handed us: a file, a config, a model, a device.
 *
 * <p>The message is one line that names the thing and says what is wrong with it, because the
 * command line prints it as it is (no stack trace) and exits non-zero.
 */
public class EarshotException extends RuntimeException {

    public EarshotException(String message) {
        super(message);
    }

    public EarshotException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The first non-blank line of a library's message, or {@code fallback}: libraries (ONNX Runtime,
     * Jackson, Pi4J) put whole reports in their messages, and ours must stay one line.
     */
    public static String firstLine(String detail, String fallback) {
        if (detail == null) {
            return fallback;
        }
        return detail.strip().lines().findFirst().filter(line -> !line.isBlank()).orElse(fallback);
    }
}
