import dev.earshot.audio.ClipSource;
import dev.earshot.audio.WavReader;
import dev.earshot.features.FeatureSettings;
import dev.earshot.features.MfccStream;
import dev.earshot.model.CommandModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MFCC frames of whole recordings, as the appliance's front end computes them while listening:
 * java -cp target/earshot.jar bench/stateful/StreamFrames.java MODEL.onnx OUTDIR FILE.wav... writes
 * OUTDIR/FILE.frames, little-endian float32 [frames, coefficients], with the front-end settings
 * that the model was trained on.
 */
public class StreamFrames {
    public static void main(String[] args) throws Exception {
        FeatureSettings settings;
        try (CommandModel model = CommandModel.load(Path.of(args[0]))) {
            settings = model.metadata().features();
        }
        for (int i = 2; i < args.length; i++) {
            Path wav = Path.of(args[i]);
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            MfccStream mfcc = new MfccStream(settings);
            ClipSource source = new ClipSource(WavReader.read(wav), wav.toString());
            float[] buffer = new float[settings.hopLength()];
            int n;
            while ((n = source.read(buffer)) >= 0) {
                mfcc.process(buffer, n, frame -> {
                    ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * frame.length).order(ByteOrder.LITTLE_ENDIAN);
                    for (float v : frame) {
                        bytes.putFloat(v);
                    }
                    frames.writeBytes(bytes.array());
                });
            }
            Files.write(Path.of(args[1], wav.getFileName().toString().replaceFirst("\\.wav$", ".frames")), frames.toByteArray());
        }
    }
}
