package dev.earshot.cli;

import dev.earshot.EarshotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code earshot}: the command line. Subcommands wire the pipeline stages; no logic lives here. */
@Command(name = "earshot",
        mixinStandardHelpOptions = true,
        versionProvider = Earshot.Version.class,
        description = "Offline voice commands: hears a command, switches GPIO pins.",
        subcommands = {ClassifyCommand.class, EvalCommand.class, RunCommand.class, StreamCommand.class, StreamEvalCommand.class, DevicesCommand.class,
                ExportFeaturesCommand.class, ExportPosteriorsCommand.class, RegressCommand.class,
                CommandLine.HelpCommand.class})
public final class Earshot {

    /** Exit status for bad input: a file, a model, a config or a device. */
    static final int EXIT_BAD_INPUT = 1;
    static final int EXIT_INTERNAL = 70;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; tests call this to see exactly what a user would. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Earshot());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof EarshotException) {
                err.println("earshot: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            // Not the user's fault: still one line, and the type names the bug for a report.
            err.println("earshot: internal error: " + e);
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Earshot.class.getPackage().getImplementationVersion();
            return new String[] {"earshot " + (version == null ? "development build" : version)};
        }
    }
}
