package io.sinapse.spark;

import java.io.Serializable;

/**
 * What partitions send back for one round, and what {@code treeAggregate} adds up: a vector (gradients, or
 * row-weighted weights and optimizer state), the rows it covers, their summed loss and how many were classified
 * correctly.
 *
 * <p>A partition's own vector travels as {@code float}s (4 bytes a value); sums are kept in {@code double}s and
 * rounded to {@code float} once, at the end. Sums of a few floats of similar size are exact in a double, so the
 * result almost never depends on the order in which Spark's tasks finish (float addition is not associative, and
 * {@code treeAggregate} combines results in arrival order).
 */
final class Partial implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The neutral element: no rows, no vector. */
    static final Partial EMPTY = new Partial(null, null, 0, 0, 0);

    private final float[] vector;
    private final double[] sum;
    final long rows;
    final double lossSum;
    final long correct;

    private Partial(float[] vector, double[] sum, long rows, double lossSum, long correct) {
        this.vector = vector;
        this.sum = sum;
        this.rows = rows;
        this.lossSum = lossSum;
        this.correct = correct;
    }

    /** One partition's contribution; {@code vector} may be null when it held none of the round's rows. */
    static Partial of(float[] vector, long rows, double lossSum, long correct) {
        return new Partial(vector, null, rows, lossSum, correct);
    }

    /** The sum of {@code a} and {@code b}; neither is changed. */
    static Partial merge(Partial a, Partial b) {
        long rows = a.rows + b.rows;
        double lossSum = a.lossSum + b.lossSum;
        long correct = a.correct + b.correct;
        if (a.length() < 0 && b.length() < 0) {
            return new Partial(null, null, rows, lossSum, correct);
        }
        if (a.length() < 0 || b.length() < 0) {
            Partial only = a.length() < 0 ? b : a;
            return new Partial(only.vector, only.sum, rows, lossSum, correct);
        }
        if (a.length() != b.length()) {
            throw new IllegalStateException("Partitions sent vectors of " + a.length() + " and " + b.length()
                    + " values for one round; every partition must train the same network");
        }
        double[] total = new double[a.length()];
        a.addTo(total);
        b.addTo(total);
        return new Partial(null, total, rows, lossSum, correct);
    }

    private int length() {
        return vector != null ? vector.length : sum != null ? sum.length : -1;
    }

    private void addTo(double[] total) {
        if (vector != null) {
            for (int i = 0; i < vector.length; i++) {
                total[i] += vector[i];
            }
        } else {
            for (int i = 0; i < sum.length; i++) {
                total[i] += sum[i];
            }
        }
    }

    /** The summed vector rounded to floats; null when no partition sent one. */
    float[] floats() {
        if (vector != null) {
            return vector.clone();
        }
        if (sum == null) {
            return null;
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) sum[i];
        }
        return out;
    }
}
