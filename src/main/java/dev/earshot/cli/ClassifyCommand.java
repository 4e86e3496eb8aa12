package dev.earshot.cli;

import dev.earshot.EarshotException;
import dev.earshot.detect.Classification;
import dev.earshot.model.CommandModel;
import dev.earshot.service.ClipRecognizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Prints the most likely label of each WAV file: PATH<TAB>LABEL<TAB>CONFIDENCE.",
                "A file that cannot be read is reported on stderr; the others are still classified."})
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "recordings of one word each")
    List<Path> files;

    @Mixin
    ModelOption modelOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int failures = 0;
        try (CommandModel model = modelOption.load()) {
            ClipRecognizer recognizer = new ClipRecognizer(model);
            for (Path file : files) {
                try {
                    Classification verdict = recognizer.classify(file);
                    spec.commandLine().getOut().printf(Locale.ROOT, "%s\t%s\t%.4f%n", file, verdict.label(), verdict.confidence());
                } catch (EarshotException e) {
                    spec.commandLine().getErr().println("earshot: " + e.getMessage());
                    failures++;
                }
            }
        }
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : Earshot.EXIT_BAD_INPUT;
    }
}
