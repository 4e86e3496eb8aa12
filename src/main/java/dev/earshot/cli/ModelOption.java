package dev.earshot.cli;

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
}
