package io.sinapse.core;

/**
 * Measures of how good predictions are, computed in double precision over {@code rows × cols} row-major arrays.
 * Classification: {@link #logLoss} here, accuracy, precision, recall and F1 in {@link ConfusionMatrix}.
 * Regression: {@link #meanSquaredError}, {@link #meanAbsoluteError} and {@link #r2}. Each follows the definition
 * scikit-learn uses (its default {@code multioutput='uniform_average'} when there are several target columns), and
 * the tests check them against it.
 */
public final class Metrics {

    /** The clipping of probabilities in {@link #logLoss}: float64's machine epsilon, scikit-learn's "auto". */
    public static final double LOG_LOSS_EPSILON = Math.ulp(1.0);

    private Metrics() {
    }

    /** The regression metrics of one set of predictions. */
    public record Regression(double meanSquaredError, double meanAbsoluteError, double r2) {
    }

    /**
     * Cross-entropy of predicted probabilities against one-hot targets, averaged over rows:
     * {@code −(1/rows) Σ_rows Σ_c t_c · ln p_c}. With one column, {@code p} is the probability of class 1 and the
     * target 0 or 1. As scikit-learn's {@code log_loss}: probabilities are clipped to {@code [ε, 1 − ε]} with
     * {@link #LOG_LOSS_EPSILON} and each row renormalised to sum 1, so a confident wrong answer costs about 36,
     * not infinity.
     */
    public static double logLoss(float[] probabilities, float[] targets, int rows, int cols) {
        checkSizes(probabilities, targets, rows, cols);
        double eps = LOG_LOSS_EPSILON;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            if (cols == 1) {
                double p = clip(probabilities[offset], eps);
                double t = targets[offset];
                // The row [1 − p, p] already sums to 1 after clipping.
                total -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
                continue;
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += clip(probabilities[offset + c], eps);
            }
            for (int c = 0; c < cols; c++) {
                double t = targets[offset + c];
                if (t != 0) {
                    total -= t * Math.log(clip(probabilities[offset + c], eps) / sum);
                }
            }
        }
        return total / rows;
    }

    private static double clip(double p, double eps) {
        return Math.max(eps, Math.min(1 - eps, p));
    }

    /** The mean of {@code (prediction − target)²} over every value. */
    public static double meanSquaredError(float[] predicted, float[] targets, int rows, int cols) {
        checkSizes(predicted, targets, rows, cols);
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) predicted[i] - targets[i];
            sum += d * d;
        }
        return sum / n;
    }

    /** The mean of {@code |prediction − target|} over every value. */
    public static double meanAbsoluteError(float[] predicted, float[] targets, int rows, int cols) {
        checkSizes(predicted, targets, rows, cols);
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs((double) predicted[i] - targets[i]);
        }
        return sum / n;
    }

    /**
     * The coefficient of determination, {@code R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²} per target column, averaged over the
     * columns. 1 is perfect, 0 is no better than always predicting the mean, below 0 is worse. A column whose
     * targets are all equal scores 1 if predicted exactly and 0 otherwise (scikit-learn's {@code force_finite}).
     */
    public static double r2(float[] predicted, float[] targets, int rows, int cols) {
        checkSizes(predicted, targets, rows, cols);
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += targets[r * cols + c];
            }
            mean /= rows;
            double residual = 0;
            double spread = 0;
            for (int r = 0; r < rows; r++) {
                double y = targets[r * cols + c];
                double e = y - predicted[r * cols + c];
                residual += e * e;
                spread += (y - mean) * (y - mean);
            }
            if (spread == 0) {
                sum += residual == 0 ? 1 : 0;
            } else {
                sum += 1 - residual / spread;
            }
        }
        return sum / cols;
    }

    /** MSE, MAE and R² of the network's predictions on {@code data} (inference mode). */
    public static Regression regression(Network network, Dataset data) {
        float[] predicted = network.predict(data.features(), data.rows());
        int rows = data.rows();
        int cols = data.targetCount();
        return new Regression(meanSquaredError(predicted, data.targets(), rows, cols),
                meanAbsoluteError(predicted, data.targets(), rows, cols), r2(predicted, data.targets(), rows, cols));
    }

    /** The log-loss of the network's predicted probabilities on {@code data} (inference mode). */
    public static double logLoss(Network network, Dataset data) {
        float[] predicted = network.predict(data.features(), data.rows());
        return logLoss(predicted, data.targets(), data.rows(), data.targetCount());
    }

    private static void checkSizes(float[] predicted, float[] targets, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Need at least one row and one column, got " + rows + " × " + cols);
        }
        long n = (long) rows * cols;
        if (predicted.length < n || targets.length < n) {
            throw new IllegalArgumentException("Expected " + rows + " × " + cols + " = " + n
                    + " values, got " + predicted.length + " predictions and " + targets.length + " targets");
        }
    }
}
