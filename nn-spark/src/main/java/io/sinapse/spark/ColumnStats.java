package io.sinapse.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-column statistics summed over partitions with {@code treeAggregate}, in doubles, in the two passes
 * {@link io.sinapse.data.Scaler} makes on one machine: count, minimum, maximum and sum; then, given the means,
 * the sum of squared deviations (stabler than the sum of squares minus the squared sum). The target column of a
 * regression rides along as column {@code featureCount}.
 */
final class ColumnStats implements Serializable {

    private static final long serialVersionUID = 1L;

    long rows;
    final double[] min;
    final double[] max;
    final double[] sum;
    final double[] squares;

    ColumnStats(int columns) {
        min = new double[columns];
        max = new double[columns];
        sum = new double[columns];
        squares = new double[columns];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    int columns() {
        return sum.length;
    }

    /** First pass over one block: counts, minima, maxima, sums of the features (and the target, if asked). */
    static ColumnStats firstPass(Block block, boolean withTarget) {
        int f = block.featureCount;
        ColumnStats stats = new ColumnStats(withTarget ? f + 1 : f);
        for (int r = 0; r < block.rows(); r++) {
            for (int c = 0; c < f; c++) {
                stats.add(c, block.features[r * f + c]);
            }
            if (withTarget) {
                stats.add(f, block.targets[r]);
            }
        }
        stats.rows = block.rows();
        return stats;
    }

    /** Second pass over one block: squared deviations from {@code mean}. */
    static ColumnStats secondPass(Block block, double[] mean) {
        int f = block.featureCount;
        ColumnStats stats = new ColumnStats(mean.length);
        for (int r = 0; r < block.rows(); r++) {
            for (int c = 0; c < f; c++) {
                double d = block.features[r * f + c] - mean[c];
                stats.squares[c] += d * d;
            }
            if (mean.length > f) {
                double d = block.targets[r] - mean[f];
                stats.squares[f] += d * d;
            }
        }
        stats.rows = block.rows();
        return stats;
    }

    private void add(int c, double v) {
        min[c] = Math.min(min[c], v);
        max[c] = Math.max(max[c], v);
        sum[c] += v;
    }

    /** The sum of {@code a} and {@code b}, in a new object. */
    static ColumnStats merge(ColumnStats a, ColumnStats b) {
        if (a.columns() != b.columns()) {
            throw new IllegalStateException("Partitions sent statistics of " + a.columns() + " and " + b.columns()
                    + " columns");
        }
        ColumnStats total = new ColumnStats(a.columns());
        total.rows = a.rows + b.rows;
        for (int c = 0; c < a.columns(); c++) {
            total.min[c] = Math.min(a.min[c], b.min[c]);
            total.max[c] = Math.max(a.max[c], b.max[c]);
            total.sum[c] = a.sum[c] + b.sum[c];
            total.squares[c] = a.squares[c] + b.squares[c];
        }
        return total;
    }

    double[] means() {
        double[] mean = new double[columns()];
        for (int c = 0; c < mean.length; c++) {
            mean[c] = sum[c] / rows;
        }
        return mean;
    }
}
