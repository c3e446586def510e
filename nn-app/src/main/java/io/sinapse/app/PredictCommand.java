package io.sinapse.app;

import io.sinapse.persistence.Model;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nn predict}: a saved model's predictions for every row of a CSV file, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict every row of a CSV file with a model saved by 'nn train'.",
                "Writes CSV: the input columns, then 'predicted' (the class, or the value) and, for classification,"
                + " one probability column per class, p_<class>."},
        footer = {"", "Example:", "  nn predict --model iris.sinapse --data new-flowers.csv --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by 'nn train'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with (at least) the model's feature columns; the target column is not needed.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of to stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Model saved = SavedModels.load(model, common.plugins());
        CsvTable table = CsvTable.read(data);
        List<String> features = ModelMetadata.features(saved);
        int rows = table.rows().size();
        float[] x = SavedModels.scale(saved, table.numbers(features), rows);
        float[] outputs = rows == 0 ? new float[0] : saved.network().predict(x, rows);
        int cols = saved.network().outputSize();
        boolean classification = saved.task() == io.sinapse.persistence.Task.CLASSIFICATION;
        List<String> labels = saved.labels();
        if (!classification) {
            outputs = ModelMetadata.targetScaling(saved).invert(outputs);
        }

        List<String> header = new ArrayList<>(table.header());
        if (classification) {
            header.add("predicted");
            if (cols == 1) {
                header.add("p_" + label(labels, 1));
            } else {
                for (int c = 0; c < cols; c++) {
                    header.add("p_" + label(labels, c));
                }
            }
        } else if (cols == 1) {
            header.add("predicted");
        } else {
            for (int c = 0; c < cols; c++) {
                header.add("predicted_" + (c + 1));
            }
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .get())) {
            printer.printRecord(header);
            for (int r = 0; r < rows; r++) {
                List<String> record = new ArrayList<>(table.rows().get(r));
                if (classification) {
                    int predicted = cols == 1 ? (outputs[r] > 0.5f ? 1 : 0) : argmax(outputs, r * cols, cols);
                    record.add(label(labels, predicted));
                    for (int c = 0; c < cols; c++) {
                        record.add(Num.format(outputs[r * cols + c], 6));
                    }
                } else {
                    for (int c = 0; c < cols; c++) {
                        record.add(Num.format(outputs[r * cols + c], 7));
                    }
                }
                printer.printRecord(record);
            }
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                writer.write(text.toString());
            }
            spec.commandLine().getErr().println("Predicted " + rows + " rows into " + output);
        }
        return 0;
    }

    private static String label(List<String> labels, int index) {
        return index < labels.size() ? labels.get(index) : Integer.toString(index);
    }

    private static int argmax(float[] values, int offset, int cols) {
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
