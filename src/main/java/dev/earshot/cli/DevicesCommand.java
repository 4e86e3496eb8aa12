package dev.earshot.cli;

import dev.earshot.audio.MicrophoneSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists the capture devices that can record 16 kHz mono; any part of a name works as audio.device.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> devices = MicrophoneSource.captureDevices();
        if (devices.isEmpty()) {
            spec.commandLine().getErr().println("earshot: no capture device found (is a microphone connected? try 'arecord -l')");
            return Earshot.EXIT_BAD_INPUT;
        }
        devices.forEach(out::println);
        out.flush();
        return 0;
    }
}
