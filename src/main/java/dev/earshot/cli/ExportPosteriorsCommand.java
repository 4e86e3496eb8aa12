package dev.earshot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.EarshotException;
import dev.earshot.model.CommandModel;
import dev.earshot.training.TeacherPosteriors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-posteriors", mixinStandardHelpOptions = true,
        description = {"Averages the posteriors of several models over every window of a features file made by",
                "export-features: the soft targets scripts/train.py --teacher distils one model from (scripts/train.sh with EARSHOT_TEACHERS).",
                "Writes raw little-endian float32 [windows, labels] and prints the shape and labels as JSON."})
final class ExportPosteriorsCommand implements Callable<Integer> {

    @Option(names = "--features", required = true, paramLabel = "FILE", description = "features file, as export-features writes it")
    Path features;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "posteriors file to write")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "MODEL.onnx", description = "the teachers: models trained on the same features and labels")
    List<Path> teachers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<CommandModel> models = new ArrayList<>();
        try {
            for (Path teacher : teachers) {
                models.add(CommandModel.load(teacher));
            }
            TeacherPosteriors posteriors = new TeacherPosteriors(models);
            PrintWriter err = spec.commandLine().getErr();
            int windows = posteriors.write(features, out, done -> {
                err.printf(Locale.ROOT, "\rposteriors: %d windows", done);
                err.flush();
            });
            err.println();
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("windows", windows);
            shape.put("teachers", models.size());
            shape.put("labels", posteriors.labels());
            spec.commandLine().getOut().println(json(shape));
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            for (CommandModel model : models) {
                model.close();
            }
        }
    }

    private static String json(Map<String, Object> shape) {
        try {
            return new ObjectMapper().writeValueAsString(shape);
        } catch (JsonProcessingException e) {
            throw new EarshotException("cannot write the posteriors' shape as JSON: " + e.getOriginalMessage());
        }
    }
}
