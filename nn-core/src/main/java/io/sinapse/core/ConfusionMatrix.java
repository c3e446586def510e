package io.sinapse.core;

/**
 * Counts of (actual class, predicted class) pairs, and the classification metrics that follow from them:
 * accuracy, and per class and macro-averaged precision, recall and F1.
 *
 * <p>For class {@code c}: precision = TP / (TP + FP), the share of the examples predicted {@code c} that are
 * {@code c}; recall = TP / (TP + FN), the share of the {@code c} examples found; F1 = 2·P·R / (P + R). A ratio
 * with a zero denominator is 0, as scikit-learn gives with {@code zero_division=0}. Macro averages are the plain
 * mean over all classes, as scikit-learn's {@code average='macro'} with {@code labels=range(classes)}.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;

    private ConfusionMatrix(int classes) {
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /** From class indices: {@code actual[i]} and {@code predicted[i]} in {@code [0, classes)}. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("A confusion matrix needs at least 2 classes, got " + classes);
        }
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("Got " + actual.length + " actual classes but " + predicted.length
                    + " predictions");
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        for (int i = 0; i < actual.length; i++) {
            matrix.add(actual[i], predicted[i], i);
        }
        return matrix;
    }

    /**
     * From network outputs and targets ({@code rows × cols}), deciding classes as {@link Accuracy} does: with one
     * column, {@code > 0.5} is class 1; with several, the largest value's column.
     */
    public static ConfusionMatrix of(float[] output, float[] target, int rows, int cols) {
        ConfusionMatrix matrix = new ConfusionMatrix(cols == 1 ? 2 : cols);
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            int actual = cols == 1 ? (target[offset] > 0.5f ? 1 : 0) : Accuracy.argmax(target, offset, cols);
            int predicted = cols == 1 ? (output[offset] > 0.5f ? 1 : 0) : Accuracy.argmax(output, offset, cols);
            matrix.add(actual, predicted, r);
        }
        return matrix;
    }

    /** The network's predictions on {@code data} (inference mode) against its targets. */
    public static ConfusionMatrix of(Network network, Dataset data) {
        float[] output = network.predict(data.features(), data.rows());
        return of(output, data.targets(), data.rows(), data.targetCount());
    }

    private void add(int actual, int predicted, int row) {
        if (actual < 0 || actual >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("Example " + row + " has actual class " + actual + " and predicted class "
                    + predicted + "; classes are 0 to " + (classes - 1));
        }
        counts[actual * classes + predicted]++;
    }

    public int classes() {
        return classes;
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual * classes + predicted];
    }

    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    private long truePositives(int c) {
        return count(c, c);
    }

    private long predictedAs(int c) {
        long sum = 0;
        for (int a = 0; a < classes; a++) {
            sum += count(a, c);
        }
        return sum;
    }

    private long actually(int c) {
        long sum = 0;
        for (int p = 0; p < classes; p++) {
            sum += count(c, p);
        }
        return sum;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** The share of examples on the diagonal. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < classes; c++) {
            right += truePositives(c);
        }
        return ratio(right, total());
    }

    public double precision(int c) {
        return ratio(truePositives(c), predictedAs(c));
    }

    public double recall(int c) {
        return ratio(truePositives(c), actually(c));
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += precision(c);
        }
        return sum / classes;
    }

    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += recall(c);
        }
        return sum / classes;
    }

    /** The mean of the per-class F1 scores (not the F1 of the macro precision and recall). */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += f1(c);
        }
        return sum / classes;
    }

    /** Rows are actual classes, columns predicted ones. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("actual \\ predicted");
        for (int p = 0; p < classes; p++) {
            text.append('\t').append(p);
        }
        for (int a = 0; a < classes; a++) {
            text.append('\n').append(a);
            for (int p = 0; p < classes; p++) {
                text.append('\t').append(count(a, p));
            }
        }
        return text.toString();
    }
}
