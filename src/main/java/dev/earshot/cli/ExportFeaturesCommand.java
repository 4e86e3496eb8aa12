package dev.earshot.cli;

import dev.earshot.EarshotException;
import dev.earshot.audio.WavReader;
import dev.earshot.features.FeatureSettings;
import dev.earshot.training.Augmenter;
import dev.earshot.training.FeatureExport;
import dev.earshot.training.SpeedRange;
import dev.earshot.training.WarpRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export-features", mixinStandardHelpOptions = true,
        description = {"Computes training features with the appliance's own MFCC front end (used by scripts/train.sh).",
                "Writes raw little-endian float32 [clips, frames, coefficients] and prints the shape and settings as JSON."})
final class ExportFeaturesCommand implements Callable<Integer> {

    @Option(names = "--list", required = true, paramLabel = "FILE", description = "clip list: SOURCE<TAB>VARIANT per line (0 as recorded, 1 varied, 2 varied and shifted far, 3 varied and cut by the window edge, 4 varied, the spoken part alone whole against the window edge, 5 varied, the spoken part whole anywhere in the window)")
    Path list;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "features file to write")
    Path out;

    @Option(names = "--noise", paramLabel = "DIR", description = "folder of background-noise WAV files for augmentation")
    Path noiseDir;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the augmentation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--hop", paramLabel = "SAMPLES", description = "samples between frames (default: 320, 20 ms)")
    Integer hop;

    @Option(names = "--coefficients", paramLabel = "N", description = "MFCC coefficients per frame (default: 20)")
    Integer coefficients;

    @Option(names = "--speed", split = ",", defaultValue = "0.8,1.2", paramLabel = "SLOWEST,FASTEST",
            hideParamSyntax = true,
            description = "speeds the varied clips are played at, drawn uniformly (default: ${DEFAULT-VALUE}, the shipped recipe's)")
    List<Double> speed;

    @Option(names = "--warp", split = ",", defaultValue = "1,1", paramLabel = "LOWEST,HIGHEST",
            hideParamSyntax = true,
            description = {"frequency warps of the filterbank for the varied clips, drawn uniformly: vocal tract",
                    "length perturbation (default: ${DEFAULT-VALUE}, none; the shipped recipe uses 0.9,1.1, as scripts/train.sh passes it)"})
    List<Double> warp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FeatureSettings settings = settings();
        List<FeatureExport.Row> rows = FeatureExport.readList(list);
        FeatureExport export = new FeatureExport(settings, new Augmenter(noises(), speeds()), warps(), seed);
        PrintWriter err = spec.commandLine().getErr();
        int frames = export.write(rows, out, done -> {
            err.printf(Locale.ROOT, "\rfeatures: %d/%d clips", done, rows.size());
            err.flush();
        });
        err.println();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "{\"clips\": %d, \"frames\": %d, \"features\": {\"sample_rate\": %d, \"frame_length\": %d, \"hop_length\": %d,"
                        + " \"mel_bands\": %d, \"coefficients\": %d, \"low_hz\": %s, \"high_hz\": %s}}%n",
                rows.size(), frames, settings.sampleRate(), settings.frameLength(), settings.hopLength(),
                settings.melBands(), settings.coefficients(), settings.lowHz(), settings.highHz());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The default front end with the hop or coefficient count asked for; the model carries whatever is chosen. */
    private FeatureSettings settings() {
        FeatureSettings d = FeatureSettings.DEFAULT;
        FeatureSettings settings = new FeatureSettings(d.sampleRate(), d.frameLength(), hop == null ? d.hopLength() : hop,
                d.melBands(), coefficients == null ? d.coefficients() : coefficients, d.lowHz(), d.highHz());
        settings.requireSupported("export-features");
        return settings;
    }

    private SpeedRange speeds() {
        if (speed.size() != 2) {
            throw new EarshotException("--speed: give the slowest and the fastest speed, e.g. 0.8,1.2");
        }
        return new SpeedRange(speed.get(0), speed.get(1));
    }

    private WarpRange warps() {
        if (warp.size() != 2) {
            throw new EarshotException("--warp: give the lowest and the highest warp, e.g. 0.9,1.1");
        }
        return new WarpRange(warp.get(0), warp.get(1));
    }

    private List<float[]> noises() {
        List<float[]> noises = new ArrayList<>();
        if (noiseDir == null) {
            return noises;
        }
        try (Stream<Path> files = Files.list(noiseDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                noises.add(WavReader.read(file));
            }
        } catch (IOException e) {
            throw new EarshotException(noiseDir + ": cannot list noise recordings: " + e.getMessage());
        }
        return noises;
    }
}
