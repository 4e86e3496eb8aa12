package dev.earshot.cli;

import dev.earshot.EarshotException;
import dev.earshot.audio.AudioSource;
import dev.earshot.audio.ClipSource;
import dev.earshot.audio.DcBlockingSource;
import dev.earshot.audio.MicrophoneSource;
import dev.earshot.audio.PcmStreamSource;
import dev.earshot.audio.WavReader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.detect.Detection;
import dev.earshot.gpio.CommandResponder;
import dev.earshot.gpio.Pi4jOutputs;
import dev.earshot.model.CommandModel;
import dev.earshot.service.Listening;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Listens for commands and switches the GPIO pins the config maps them to.",
                "Prints each detection with its time in the audio, and each GPIO change.",
                "Listens to the microphone unless --input or --demo is given."})
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    static final String DEMO = "/dev/earshot/demo/demo.wav";

    @Mixin
    ConfigOption configOption;

    @Option(names = "--input", paramLabel = "FILE.wav|-",
            description = "a WAV file, or - for raw 16 kHz mono S16_LE PCM on standard input (arecord -f S16_LE -r 16000 -c 1)")
    String input;

    @Option(names = "--demo", description = "play the recording bundled in the jar (commands and other words over noise)")
    boolean demo;

    @Mixin
    ModelOption modelOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (demo && input != null) {
            throw new EarshotException("run: give --demo or --input, not both");
        }
        EarshotConfig settings = configOption.load();
        PrintWriter out = spec.commandLine().getOut();
        try (CommandModel model = modelOption.loadFor(settings)) {
            settings.requireCommandsKnown(model.metadata().labels());
            // Bad input must fail before any pin is driven.
            AudioSource source = openSource(settings);
            Supplier<AudioSource> reopen = input == null && !demo
                    ? () -> new DcBlockingSource(MicrophoneSource.open(settings.audio().device())) : null;
            Pi4jOutputs outputs = Pi4jOutputs.open(settings.gpio(), settings.pins());
            try (CommandResponder responder = CommandResponder.forConfig(settings, outputs, change -> {
                out.println("          " + change.describe());
                out.flush();
            })) {
                // SIGTERM from systemd or Ctrl-C: the pins still go to their shutdown levels.
                Thread hook = new Thread(responder::close, "earshot-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                log.info("listening to {}; GPIO: {}", source.name(), outputs.description());
                int[] detections = {0};
                Listening.forConfig(model, settings.detection()).run(source, reopen, detection -> {
                    detections[0]++;
                    report(detection, out);
                    responder.respond(detection.command());
                });
                log.info("end of input: {} detection(s)", detections[0]);
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        out.flush();
        return 0;
    }

    private static void report(Detection detection, PrintWriter out) {
        out.printf(Locale.ROOT, "%8.2f s  %s (%.2f)%n", detection.timeSeconds(), detection.command(), detection.confidence());
        out.flush();
    }

    private AudioSource openSource(EarshotConfig settings) {
        if (demo) {
            InputStream in = RunCommand.class.getResourceAsStream(DEMO);
            if (in == null) {
                throw new EarshotException("demo recording missing from the jar (" + DEMO + ")");
            }
            return new ClipSource(WavReader.read(in, "demo recording"), "demo recording");
        }
        if ("-".equals(input)) {
            return new DcBlockingSource(new PcmStreamSource(System.in, "standard input"));
        }
        if (input != null) {
            return new ClipSource(WavReader.read(Path.of(input)), input);
        }
        return new DcBlockingSource(MicrophoneSource.open(settings.audio().device()));
    }
}
