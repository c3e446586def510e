package io.sinapse.app;

import io.sinapse.data.LabeledDataset;
import io.sinapse.data.MissingValues;
import io.sinapse.persistence.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nn eval}: a saved model's scores on a labelled CSV file. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a model saved by 'nn train' on a CSV file that has the target column: accuracy, macro"
                + " F1 and the confusion matrix for classification; mse, mae and r2 for regression.",
        footer = {"", "Example:", "  nn eval --model iris.sinapse --data iris-test.csv --json"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by 'nn train'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with the model's feature columns and its target column; other columns are"
                    + " ignored.")
    Path data;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
            description = "Missing feature values: error, mean or drop_rows (default: ${DEFAULT-VALUE}).")
    MissingValues missing;

    @Option(names = "--json", description = "End stdout with one JSON line of the scores.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Model saved = SavedModels.load(model, common.plugins());
        LabeledDataset labeled = SavedModels.labeledData(saved, data, missing);
        long started = System.nanoTime();
        Evaluation evaluation = Evaluation.of(saved.network(), labeled.dataset(), saved.labels(),
                ModelMetadata.targetScaling(saved));
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println("Model " + model + ": " + String.join(", ", saved.network().layers().stream()
                .map(io.sinapse.core.Layer::describe).toList()));
        evaluation.print(out, "Evaluation on " + data);
        if (json) {
            out.println(evaluation.json().put("seconds", seconds));
        }
        out.flush();
        return 0;
    }
}
