package dev.earshot.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.earshot.EarshotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The acoustic model: an ONNX graph from MFCC frames to one posterior per label, run by ONNX Runtime.
 *
 * <p>Input {@value #INPUT}: float [batch, frames, coefficients], normalised here with the statistics
 * in the metadata. Output {@value #OUTPUT}: float [batch, labels], summing to one.
 *
 * <p>One thread at a time: the input buffer is reused from call to call.
 */
public final class CommandModel implements AutoCloseable {

    public static final String INPUT = "mfcc";
    public static final String OUTPUT = "posteriors";
    static final String BUNDLED = "/dev/earshot/model/earshot.onnx";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelMetadata metadata;
    private final String origin;
    private FloatBuffer inputBuffer;

    private CommandModel(OrtEnvironment env, OrtSession session, ModelMetadata metadata, String origin) {
        this.env = env;
        this.session = session;
        this.metadata = metadata;
        this.origin = origin;
    }

    public static CommandModel load(Path file) {
        String origin = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new EarshotException(origin + ": model file not found");
        }
        try {
            return fromBytes(Files.readAllBytes(file), origin);
        } catch (IOException e) {
            throw new EarshotException(origin + ": cannot read model: " + e.getMessage());
        }
    }

    /** The model shipped inside the jar. */
    public static CommandModel loadBundled() {
        try (InputStream in = CommandModel.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new EarshotException("bundled model missing from the jar (" + BUNDLED + "); pass --model FILE");
            }
            return fromBytes(in.readAllBytes(), "bundled model");
        } catch (IOException e) {
            throw new EarshotException("bundled model: cannot read: " + e.getMessage());
        }
    }

    private static CommandModel fromBytes(byte[] bytes, String origin) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One small LSTM per call: extra threads cost more in hand-over than they save, most of all on a Pi.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new EarshotException(origin + ": not a loadable ONNX model: " + EarshotException.firstLine(e.getMessage(), "no detail"));
        }
        try {
            String json = session.getMetadata().getCustomMetadata().get(ModelMetadata.KEY);
            if (json == null) {
                throw new EarshotException(origin + ": the ONNX model carries no Earshot metadata (labels, features);"
                        + " export it with scripts/train.py");
            }
            ModelMetadata metadata = ModelMetadata.parse(json, origin);
            requireShapes(session, metadata, origin);
            return new CommandModel(env, session, metadata, origin);
        } catch (OrtException | RuntimeException e) {
            closeQuietlyAfter(session, e);
            if (e instanceof EarshotException earshot) {
                throw earshot;
            }
            throw new EarshotException(origin + ": cannot inspect the ONNX model: " + EarshotException.firstLine(e.getMessage(), "no detail"));
        }
    }

    private static void requireShapes(OrtSession session, ModelMetadata metadata, String origin) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (!inputs.containsKey(INPUT) || !outputs.containsKey(OUTPUT)) {
            throw new EarshotException(origin + ": the model needs input '" + INPUT + "' and output '" + OUTPUT
                    + "', it has " + inputs.keySet() + " and " + outputs.keySet());
        }
        long[] in = ((TensorInfo) inputs.get(INPUT).getInfo()).getShape();
        long[] out = ((TensorInfo) outputs.get(OUTPUT).getInfo()).getShape();
        if (in.length != 3 || in[2] != metadata.features().coefficients()) {
            throw new EarshotException(origin + ": input '" + INPUT + "' does not take "
                    + metadata.features().coefficients() + " coefficients per frame");
        }
        // A graph written out step by step (a projected LSTM) takes exactly one window; -1 is any length.
        if (in[1] != -1 && in[1] != metadata.windowFrames()) {
            throw new EarshotException(origin + ": input '" + INPUT + "' takes " + in[1]
                    + " frames, not the window of " + metadata.windowFrames() + " its metadata names");
        }
        if (out.length != 2 || out[1] != metadata.labels().size()) {
            throw new EarshotException(origin + ": output '" + OUTPUT + "' does not give one posterior for each of "
                    + metadata.labels().size() + " labels");
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Posteriors for one window of frames.
     *
     * @param frames raw MFCC frames, oldest first, each of {@code coefficients} values
     * @return one probability per label, in {@link ModelMetadata#labels()} order
     */
    public float[] posteriors(float[][] frames) {
        return posteriors(new float[][][] {frames}, 1)[0];
    }

    /**
     * Posteriors for the first {@code count} windows of equal length, in one run of the graph:
     * on a recording, many windows at once cost far less than one at a time.
     */
    public float[][] posteriors(float[][][] windows, int count) {
        int coefficients = metadata.features().coefficients();
        int length = windows[0].length;
        float[] mean = metadata.mean();
        float[] std = metadata.std();
        FloatBuffer input = inputFor(count * length * coefficients);
        for (int w = 0; w < count; w++) {
            for (float[] frame : windows[w]) {
                for (int c = 0; c < coefficients; c++) {
                    input.put((frame[c] - mean[c]) / std[c]);
                }
            }
        }
        input.flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {count, length, coefficients});
             OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new EarshotException(origin + ": inference failed: " + EarshotException.firstLine(e.getMessage(), "no detail"));
        }
    }

    /**
     * The input buffer, kept between calls: a live stream evaluates ten windows a second for days,
     * and a direct buffer is handed to ONNX Runtime without a copy.
     */
    private FloatBuffer inputFor(int floats) {
        if (inputBuffer == null || inputBuffer.capacity() < floats) {
            inputBuffer = ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        inputBuffer.clear();
        inputBuffer.limit(floats);
        return inputBuffer;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new EarshotException(origin + ": cannot release the ONNX session: " + EarshotException.firstLine(e.getMessage(), "no detail"));
        }
    }

    private static void closeQuietlyAfter(OrtSession session, Exception primary) {
        try {
            session.close();
        } catch (OrtException e) {
            primary.addSuppressed(e);
        }
    }
}
