package io.sinapse.testkit;

import java.util.Random;

/**
 * Inputs for checks. Every value is rounded to {@code float} first, so that the float path and the double path of a
 * plug-in are handed exactly the same numbers and any difference between them comes from the plug-in alone.
 */
public final class Samples {

    private Samples() {
    }

    /** {@code n} values uniform in {@code [low, high)}. */
    public static double[] uniform(Random random, int n, double low, double high) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return values;
    }

    /** {@code n} values, each 0 or 1. */
    public static double[] binary(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextBoolean() ? 1 : 0;
        }
        return values;
    }

    /** Rows with a single 1 at a random column: class labels for cross-entropy. */
    public static double[] oneHotRows(Random random, int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            values[r * cols + random.nextInt(cols)] = 1;
        }
        return values;
    }

    /**
     * Rows of strictly positive values that sum to 1 (up to float rounding), each at least {@code 0.5 / cols}:
     * soft targets, or probabilities away from 0.
     */
    public static double[] probabilityRows(Random random, int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            double[] raw = new double[cols];
            for (int c = 0; c < cols; c++) {
                raw[c] = 1 + random.nextDouble();
                sum += raw[c];
            }
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = (float) (raw[c] / sum);
            }
        }
        return values;
    }

    /** The same values as floats (exact when they came from this class). */
    public static float[] toFloat(double[] values) {
        float[] copy = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = (float) values[i];
        }
        return copy;
    }

    /** The same values as doubles. */
    public static double[] toDouble(float[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return copy;
    }
}
