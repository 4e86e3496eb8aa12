package dev.earshot.cli;

import dev.earshot.config.EarshotConfig;
import dev.earshot.model.CommandModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model FILE}, shared by every command that recognises speech. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE", description = "ONNX model (default: the model bundled in the jar)")
    Path model;

    CommandModel load() {
        return model == null ? CommandModel.loadBundled() : CommandModel.load(model);
    }

    /** {@code --model} first, then the config's {@code model:}, then the bundled model. */
    CommandModel loadFor(EarshotConfig config) {
        if (model != null) {
            return CommandModel.load(model);
        }
        return config.model().map(CommandModel::load).orElseGet(CommandModel::loadBundled);
    }
}
