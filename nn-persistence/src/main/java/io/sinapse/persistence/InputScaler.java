package io.sinapse.persistence;

import java.util.Arrays;
import java.util.Objects;

/**
 * The feature scaling a model was trained with, kept generic so this module needs no data library: each input
 * column becomes {@code x' = (x − offset) / scale}. Min–max scaling is offset = minimum, scale = maximum − minimum;
 * z-scores are offset = mean, scale = standard deviation. {@link #method()} records which one it was, for people
 * and for the application that converts it back into its own scaler. Immutable.
 */
public final class InputScaler {

    private final String method;
    private final float[] offset;
    private final float[] scale;

    /**
     * @param method a name for how the statistics were fitted, e.g. {@code min_max} or {@code standard}
     * @param offset per column, subtracted first; finite
     * @param scale  per column, divided by next; finite and non-zero (a constant column should have scale 1)
     */
    public InputScaler(String method, float[] offset, float[] scale) {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("A scaler needs a method name, e.g. 'min_max' or 'standard'");
        }
        if (offset.length == 0 || offset.length != scale.length) {
            throw new IllegalArgumentException("A scaler needs one offset and one scale per column, got "
                    + offset.length + " offsets and " + scale.length + " scales");
        }
        for (int c = 0; c < offset.length; c++) {
            if (!Float.isFinite(offset[c]) || !Float.isFinite(scale[c]) || scale[c] == 0f) {
                throw new IllegalArgumentException("Column " + c + " of the scaler has offset " + offset[c]
                        + " and scale " + scale[c] + "; both must be finite and the scale non-zero");
            }
        }
        this.method = method;
        this.offset = offset.clone();
        this.scale = scale.clone();
    }

    public String method() {
        return method;
    }

    /** How many input columns this scaler expects. */
    public int columns() {
        return offset.length;
    }

    /** A copy of the per-column offsets. */
    public float[] offset() {
        return offset.clone();
    }

    /** A copy of the per-column scales. */
    public float[] scale() {
        return scale.clone();
    }

    /** Scales {@code rows} rows of raw features (row-major) into a new array. */
    public float[] apply(float[] features, int rows) {
        int columns = columns();
        if (rows < 0 || features.length < (long) rows * columns) {
            throw new IllegalArgumentException("Expected " + rows + " rows of " + columns + " features, got "
                    + features.length + " values");
        }
        float[] scaled = new float[rows * columns];
        for (int i = 0; i < scaled.length; i++) {
            int c = i % columns;
            scaled[i] = (features[i] - offset[c]) / scale[c];
        }
        return scaled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputScaler s && method.equals(s.method)
                && Arrays.equals(offset, s.offset) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, Arrays.hashCode(offset), Arrays.hashCode(scale));
    }

    @Override
    public String toString() {
        return "InputScaler(" + method + ", " + columns() + " columns)";
    }
}
