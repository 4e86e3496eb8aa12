package dev.earshot.cli;

import dev.earshot.audio.ClipSource;
import dev.earshot.audio.WavReader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.model.CommandModel;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Detects commands in a long recording, as the appliance would hear it live.",
                "Prints one line per detection, in time order: TIME_S<TAB>LABEL<TAB>CONFIDENCE,",
                "TIME_S being the position in the file (seconds) at which the detection fires."})
final class StreamCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.wav", description = "the recording")
    Path file;

    @Mixin
    ConfigOption configOption;

    @Mixin
    ModelOption modelOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        EarshotConfig settings = configOption.load();
        PrintWriter out = spec.commandLine().getOut();
        float[] samples = WavReader.read(file);
        try (CommandModel model = modelOption.loadFor(settings)) {
            settings.requireCommandsKnown(model.metadata().labels());
            Listening.forConfig(model, settings.detection()).run(new ClipSource(samples, file.toString()), null,
                    d -> out.printf(Locale.ROOT, "%.3f\t%s\t%.4f%n", d.timeSeconds(), d.command(), d.confidence()));
        }
        out.flush();
        return 0;
    }
}
