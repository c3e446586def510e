package io.sinapse.app;

import io.sinapse.core.ConfusionMatrix;
import io.sinapse.core.Dataset;
import io.sinapse.core.Metrics;
import io.sinapse.core.Network;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a network does on held-out data: accuracy, macro F1 and the confusion matrix for classification;
 * mean squared error, mean absolute error and R² (in the target's own units) for regression.
 *
 * @param classes the class names (empty for regression)
 */
record Evaluation(List<String> classes, ConfusionMatrix confusion, Metrics.Regression regression, int rows) {

    boolean classification() {
        return confusion != null;
    }

    /**
     * Evaluates {@code network} on {@code data}: features already scaled as in training, targets as in the file
     * (one-hot classes, or raw values that {@code scaling} maps the network's outputs back to).
     */
    static Evaluation of(Network network, Dataset data, List<String> classes,
                         ModelMetadata.TargetScaling scaling) {
        float[] outputs = network.predict(data.features(), data.rows());
        if (!classes.isEmpty()) {
            return new Evaluation(classes, ConfusionMatrix.of(outputs, data.targets(), data.rows(),
                    data.targetCount()), null, data.rows());
        }
        float[] values = scaling.invert(outputs);
        int rows = data.rows();
        int cols = data.targetCount();
        return new Evaluation(List.of(), null, new Metrics.Regression(
                Metrics.meanSquaredError(values, data.targets(), rows, cols),
                Metrics.meanAbsoluteError(values, data.targets(), rows, cols),
                Metrics.r2(values, data.targets(), rows, cols)), rows);
    }

    void print(PrintWriter out, String what) {
        if (classification()) {
            out.println(what + " (" + rows + " rows): accuracy " + Num.percent(confusion.accuracy())
                    + ", macro F1 " + Num.format(confusion.macroF1()));
            out.println("Confusion matrix (rows: true class, columns: predicted):");
            out.print(confusionTable());
        } else {
            out.println(what + " (" + rows + " rows): mse " + Num.format(regression.meanSquaredError())
                    + ", mae " + Num.format(regression.meanAbsoluteError()) + ", r2 " + Num.format(regression.r2()));
        }
    }

    Table confusionTable() {
        List<String> header = new ArrayList<>(List.of(""));
        header.addAll(classes);
        header.add("recall");
        Table table = new Table(header.toArray(String[]::new));
        for (int a = 0; a < confusion.classes(); a++) {
            List<Object> row = new ArrayList<>(List.of(classes.get(a)));
            for (int p = 0; p < confusion.classes(); p++) {
                row.add(confusion.count(a, p));
            }
            row.add(Num.format(confusion.recall(a)));
            table.row(row.toArray());
        }
        return table;
    }

    int[][] counts() {
        int n = confusion.classes();
        int[][] counts = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                counts[a][p] = (int) confusion.count(a, p);
            }
        }
        return counts;
    }

    /** The metrics as JSON fields. */
    Json json() {
        Json json = new Json().put("task", classification() ? "classification" : "regression").put("rows", rows);
        if (classification()) {
            json.put("accuracy", confusion.accuracy()).put("macro_f1", confusion.macroF1());
        } else {
            json.put("mse", regression.meanSquaredError()).put("mae", regression.meanAbsoluteError())
                    .put("r2", regression.r2());
        }
        return json;
    }
}
