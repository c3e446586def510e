package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.util.Arrays;

/**
 * Feature scaling fitted on training data: each column becomes {@code (x − center) / scale}. Fit it on the
 * training split only, then apply the same scaler to the validation and test splits and to every input at
 * prediction time, so that no statistic of unseen data leaks into training.
 *
 * <ul>
 *   <li>{@link Method#MIN_MAX}: center = the column's minimum, scale = maximum − minimum, mapping the training
 *       values onto [0, 1] (other data may fall outside).</li>
 *   <li>{@link Method#STANDARD}: center = the mean, scale = the population standard deviation (dividing by n, as
 *       scikit-learn's StandardScaler), giving the training values mean 0 and variance 1 (z-scores).</li>
 * </ul>
 *
 * A constant column has scale 1 and center its value, so it becomes 0 instead of a division by zero. The fitted
 * statistics ({@link #method()}, {@link #center()}, {@link #scale()}) are what a saved model stores;
 * {@link #of} rebuilds the same scaler from them. Immutable and thread-safe.
 */
public final class Scaler {

    /** How the statistics are computed. */
    public enum Method {
        /** Onto [0, 1] by the training minimum and maximum. */
        MIN_MAX,
        /** To z-scores by the training mean and standard deviation. */
        STANDARD
    }

    private final Method method;
    private final float[] center;
    private final float[] scale;

    private Scaler(Method method, float[] center, float[] scale) {
        this.method = method;
        this.center = center;
        this.scale = scale;
    }

    /** Fits min–max scaling to the features of {@code training}. */
    public static Scaler fitMinMax(Dataset training) {
        return fit(Method.MIN_MAX, training);
    }

    /** Fits z-score standardisation to the features of {@code training}. */
    public static Scaler fitStandard(Dataset training) {
        return fit(Method.STANDARD, training);
    }

    /** Fits {@code method} to the features of {@code training}, which must have at least one row. */
    public static Scaler fit(Method method, Dataset training) {
        int rows = training.rows();
        int columns = training.featureCount();
        if (rows == 0) {
            throw new IllegalArgumentException("Cannot fit a scaler to a dataset with no rows");
        }
        // Byte-coded data (Fashion-MNIST) is decoded into a temporary copy: features() would keep its decoded
        // matrix with the dataset for as long as the dataset lives.
        float[] x = training.byteCoded() ? decodedCopy(training) : training.features();
        double[] min = new double[columns];
        double[] max = new double[columns];
        double[] sum = new double[columns];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            for (int c = 0; c < columns; c++) {
                double v = x[offset + c];
                min[c] = Math.min(min[c], v);
                max[c] = Math.max(max[c], v);
                sum[c] += v;
            }
        }
        float[] center = new float[columns];
        float[] scale = new float[columns];
        if (method == Method.MIN_MAX) {
            for (int c = 0; c < columns; c++) {
                center[c] = (float) min[c];
                scale[c] = (float) (max[c] - min[c]);
            }
        } else {
            double[] mean = new double[columns];
            double[] squares = new double[columns];
            for (int c = 0; c < columns; c++) {
                mean[c] = sum[c] / rows;
            }
            // Second pass over deviations: stabler than sum of squares minus squared sum.
            for (int r = 0; r < rows; r++) {
                int offset = r * columns;
                for (int c = 0; c < columns; c++) {
                    double d = x[offset + c] - mean[c];
                    squares[c] += d * d;
                }
            }
            for (int c = 0; c < columns; c++) {
                center[c] = (float) mean[c];
                scale[c] = (float) Math.sqrt(squares[c] / rows);
            }
        }
        for (int c = 0; c < columns; c++) {
            // Exact test on the range: a rounding error in the mean must not turn a constant column into noise.
            if (min[c] == max[c] || scale[c] == 0f) {
                center[c] = (float) min[c];
                scale[c] = 1f;
            }
        }
        return new Scaler(method, center, scale);
    }

    /**
     * The scaler with these statistics, e.g. read back from a saved model.
     *
     * @param center per column: the minimum ({@link Method#MIN_MAX}) or the mean ({@link Method#STANDARD})
     * @param scale  per column: the range or the standard deviation, finite and positive (1 for constant columns)
     */
    public static Scaler of(Method method, float[] center, float[] scale) {
        if (center.length != scale.length || center.length == 0) {
            throw new IllegalArgumentException("Need one center and one scale per column, got " + center.length
                    + " and " + scale.length);
        }
        for (int c = 0; c < scale.length; c++) {
            if (!(scale[c] > 0) || !Float.isFinite(scale[c]) || !Float.isFinite(center[c])) {
                throw new IllegalArgumentException("Column " + c + ": center " + center[c] + " and scale "
                        + scale[c] + "; both must be finite and the scale positive");
            }
        }
        return new Scaler(method, center.clone(), scale.clone());
    }

    public Method method() {
        return method;
    }

    public int featureCount() {
        return center.length;
    }

    /** Per column: the training minimum (min–max) or mean (standard). A copy. */
    public float[] center() {
        return center.clone();
    }

    /** Per column: the training range (min–max) or standard deviation (standard), 1 where constant. A copy. */
    public float[] scale() {
        return scale.clone();
    }

    /** Scales {@code rows} rows of features in place: inputs at prediction time, or a batch. */
    public void transform(float[] features, int rows) {
        int columns = center.length;
        if (features.length < rows * columns) {
            throw new IllegalArgumentException(rows + " rows of " + columns + " features need " + rows * columns
                    + " values, got " + features.length);
        }
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            for (int c = 0; c < columns; c++) {
                features[offset + c] = (float) ((features[offset + c] - (double) center[c]) / scale[c]);
            }
        }
    }

    /**
     * A copy of {@code data} with scaled features; it shares the (unchanged) target array. The copy's features are
     * floats, also for byte-coded data.
     */
    public Dataset transform(Dataset data) {
        requireColumns(data);
        float[] features = data.byteCoded() ? decodedCopy(data) : data.features().clone();
        transform(features, data.rows());
        return new Dataset(features, data.featureCount(), data.targets(), data.targetCount());
    }

    /** A copy of {@code data} with scaled features and the same names. */
    public LabeledDataset transform(LabeledDataset data) {
        return data.withDataset(transform(data.dataset()));
    }

    /**
     * Scales the features of {@code data} where they are, for float datasets too large to copy. Byte-coded data
     * (such as Fashion-MNIST's) cannot hold scaled values and is refused: use {@link #transform(Dataset)}.
     */
    public void transformInPlace(Dataset data) {
        requireColumns(data);
        if (data.byteCoded()) {
            throw new IllegalArgumentException("The features of this dataset are byte codes with a decode table,"
                    + " which cannot hold scaled values, so they cannot be scaled in place; transform(dataset)"
                    + " returns a scaled float copy");
        }
        transform(data.features(), data.rows());
    }

    /** The features of byte-coded {@code data}, decoded into a new array that the dataset does not keep. */
    private static float[] decodedCopy(Dataset data) {
        int rows = data.rows();
        int[] all = new int[rows];
        for (int r = 0; r < rows; r++) {
            all[r] = r;
        }
        float[] features = new float[rows * data.featureCount()];
        data.gather(all, 0, rows, features, new float[rows * data.targetCount()]);
        return features;
    }

    /** Maps scaled features back to the original units, in place. */
    public void inverseTransform(float[] features, int rows) {
        int columns = center.length;
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            for (int c = 0; c < columns; c++) {
                features[offset + c] = (float) (features[offset + c] * (double) scale[c] + center[c]);
            }
        }
    }

    private void requireColumns(Dataset data) {
        if (data.featureCount() != center.length) {
            throw new IllegalArgumentException("This scaler was fitted to " + center.length + " features, the data"
                    + " has " + data.featureCount());
        }
    }

    @Override
    public String toString() {
        if (center.length > 8) {
            return "Scaler(" + method + ", " + center.length + " columns)";
        }
        return "Scaler(" + method + ", center=" + Arrays.toString(center) + ", scale=" + Arrays.toString(scale) + ")";
    }
}
