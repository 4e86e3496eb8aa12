package dev.earshot.training;

import dev.earshot.EarshotException;
import dev.earshot.model.CommandModel;
import dev.earshot.model.ModelMetadata;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The posteriors of several models averaged over every window of a training features file: the
 * soft targets that {@code scripts/train.py --teacher} distils one model from.
 *
 * <p>Why: models of the same recipe trained from other seeds err on different windows, so their mean
 * is right more often than any of them, but the appliance runs one model of at most 250,000
 * parameters. A model trained towards the mean learns part of what the group knows (run 66 in
 * {@code models/README.md}): on clips, but on the validation streams no more than training with SAM
 * gives (runs 67 and 68), so the shipped recipe does not use it.
 *
 * <p>Reads what {@link FeatureExport} writes (raw little-endian float32 {@code [windows, frames,
 * coefficients]}) and writes raw little-endian float32 {@code [windows, labels]}, in the same order.
 */
public final class TeacherPosteriors {

    /** Windows per ONNX Runtime call: one call per window would cost far more than the model's work. */
    private static final int BATCH = 256;

    private final List<CommandModel> teachers;
    private final ModelMetadata shape;

    /** @param teachers models trained on the same features and labels; the caller closes them */
    public TeacherPosteriors(List<CommandModel> teachers) {
        if (teachers.isEmpty()) {
            throw new EarshotException("no teacher models given");
        }
        this.teachers = List.copyOf(teachers);
        this.shape = teachers.get(0).metadata();
        for (CommandModel teacher : teachers) {
            ModelMetadata m = teacher.metadata();
            if (!m.labels().equals(shape.labels()) || !m.features().equals(shape.features())
                    || m.windowFrames() != shape.windowFrames()) {
                throw new EarshotException("the teachers differ: labels " + m.labels() + ", " + m.windowFrames()
                        + " frames of " + m.features() + " against labels " + shape.labels() + ", "
                        + shape.windowFrames() + " frames of " + shape.features());
            }
        }
    }

    /** The labels of each written row, in column order. */
    public List<String> labels() {
        return shape.labels();
    }

    /**
     * Writes the averaged posteriors of every window in {@code features} to {@code out}.
     *
     * @param progress told the number of windows done after each batch
     * @return the number of windows
     */
    public int write(Path features, Path out, IntConsumer progress) {
        int frames = shape.windowFrames();
        int coefficients = shape.features().coefficients();
        long windowBytes = (long) frames * coefficients * Float.BYTES;
        try (FileChannel in = FileChannel.open(features, StandardOpenOption.READ)) {
            long size = in.size();
            if (size == 0 || size % windowBytes != 0) {
                throw new EarshotException(features + ": " + size + " bytes is not a whole number of windows of "
                        + frames + " frames x " + coefficients + " coefficients (float32)");
            }
            int windows = Math.toIntExact(size / windowBytes);
            try (OutputStream sink = new BufferedOutputStream(Files.newOutputStream(out))) {
                ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(BATCH * windowBytes)).order(ByteOrder.LITTLE_ENDIAN);
                float[][][] batch = new float[BATCH][frames][coefficients];
                for (int start = 0; start < windows; start += BATCH) {
                    int count = Math.min(BATCH, windows - start);
                    bytes.clear().limit(Math.toIntExact(count * windowBytes));
                    readFully(in, bytes, features);
                    fill(batch, count, bytes.flip().asFloatBuffer());
                    sink.write(averaged(batch, count));
                    progress.accept(start + count);
                }
            }
            return windows;
        } catch (NoSuchFileException e) {
            throw new EarshotException(e.getFile() + ": no such file");
        } catch (IOException e) {
            throw new EarshotException(features + " -> " + out + ": " + EarshotException.firstLine(e.getMessage(), e.toString()));
        }
    }

    private static void readFully(FileChannel in, ByteBuffer bytes, Path features) throws IOException {
        while (bytes.hasRemaining()) {
            if (in.read(bytes) < 0) {
                throw new EarshotException(features + ": ended early while being read");
            }
        }
    }

    /** The first {@code count} windows of {@code batch}, frame by frame, from {@code values}. */
    private static void fill(float[][][] batch, int count, FloatBuffer values) {
        for (int w = 0; w < count; w++) {
            for (float[] frame : batch[w]) {
                values.get(frame);
            }
        }
    }

    private byte[] averaged(float[][][] batch, int count) {
        int labels = shape.labels().size();
        float[][] sum = new float[count][labels];
        for (CommandModel teacher : teachers) {
            float[][] posteriors = teacher.posteriors(batch, count);
            for (int w = 0; w < count; w++) {
                for (int k = 0; k < labels; k++) {
                    sum[w][k] += posteriors[w][k];
                }
            }
        }
        ByteBuffer row = ByteBuffer.allocate(count * labels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] window : sum) {
            for (float p : window) {
                row.putFloat(p / teachers.size());
            }
        }
        return row.array();
    }
}
