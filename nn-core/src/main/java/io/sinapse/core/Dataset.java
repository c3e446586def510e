package io.sinapse.core;

import java.util.Arrays;

/**
 * Examples for training or evaluation: a {@code rows × featureCount} feature matrix and a
 * {@code rows × targetCount} target matrix, each one row-major {@code float[]} (no per-row objects).
 * Classification targets are one-hot rows; regression targets are the values.
 */
public final class Dataset {

    private final float[] features;
    private final float[] targets;
    private final int rows;
    private final int featureCount;
    private final int targetCount;

    /** Wraps the arrays without copying them; their lengths must be whole rows of the same count. */
    public Dataset(float[] features, int featureCount, float[] targets, int targetCount) {
        if (featureCount <= 0 || targetCount <= 0) {
            throw new IllegalArgumentException("A dataset needs at least one feature column and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        if (features.length % featureCount != 0 || targets.length % targetCount != 0
                || features.length / featureCount != targets.length / targetCount) {
            throw new IllegalArgumentException("Features (" + features.length + " values in rows of " + featureCount
                    + ") and targets (" + targets.length + " values in rows of " + targetCount
                    + ") must hold the same whole number of rows");
        }
        this.features = features;
        this.targets = targets;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.rows = features.length / featureCount;
    }

    /** A dataset from rows written out, handy for the course's small tables: {@code of(new float[][]{{0,1}}, …)}. */
    public static Dataset of(float[][] features, float[][] targets) {
        if (features.length == 0 || features.length != targets.length) {
            throw new IllegalArgumentException("Need the same, non-zero number of feature and target rows, got "
                    + features.length + " and " + targets.length);
        }
        return new Dataset(flatten(features), features[0].length, flatten(targets), targets[0].length);
    }

    private static float[] flatten(float[][] rows) {
        int cols = rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("Row " + r + " has " + rows[r].length + " values, expected " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return flat;
    }

    public int rows() {
        return rows;
    }

    public int featureCount() {
        return featureCount;
    }

    public int targetCount() {
        return targetCount;
    }

    /** The backing feature array (not a copy). */
    public float[] features() {
        return features;
    }

    /** The backing target array (not a copy). */
    public float[] targets() {
        return targets;
    }

    /**
     * Copies rows {@code order[from] … order[from + count - 1]} into the batch buffers {@code x} and {@code y}:
     * how the trainer draws a shuffled mini-batch without allocating.
     */
    public void gather(int[] order, int from, int count, float[] x, float[] y) {
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            System.arraycopy(features, row * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(targets, row * targetCount, y, i * targetCount, targetCount);
        }
    }

    /** A new dataset holding copies of the given rows, in that order (for splits). */
    public Dataset select(int[] rowIndices) {
        float[] x = new float[rowIndices.length * featureCount];
        float[] y = new float[rowIndices.length * targetCount];
        gather(rowIndices, 0, rowIndices.length, x, y);
        return new Dataset(x, featureCount, y, targetCount);
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Dataset slice(int from, int to) {
        return new Dataset(Arrays.copyOfRange(features, from * featureCount, to * featureCount), featureCount,
                Arrays.copyOfRange(targets, from * targetCount, to * targetCount), targetCount);
    }
}
