package dev.earshot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Listens and switches GPIO pins.")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new dev.earshot.EarshotException("run: not wired yet");
    }
}
