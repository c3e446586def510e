package io.sinapse.testkit;

/**
 * How closely the {@code float} fast path of a plug-in must follow its {@code double} reference path, given the
 * same inputs (see {@link Samples}).
 *
 * <p>A float carries 24 significant bits, {@code ε = 2⁻²³ ≈ 1.2e-7}. A float path that rounds its inputs, its
 * intermediate values and its result makes a few such errors, and a derivative of order 1 passes them on:
 * <ul>
 *   <li>{@link #RELATIVE_TOLERANCE} {@code = 1e-5} (~80 ε): room for a dozen roundings and a sum over a short row;
 *       a float path that computes a different function (another formula, a lost term) misses it by far.</li>
 *   <li>{@link #ABSOLUTE_TOLERANCE} {@code = 1e-6} (~8 ε), times {@code max(1, scale)}, {@code scale} being the
 *       largest expected magnitude in the row: for results that are small differences of order-1 numbers, e.g.
 *       {@code σ(z)(1 - σ(z))} from a float {@code σ(z)} near 1, where the relative error is large but the absolute
 *       one stays a few ε.</li>
 * </ul>
 */
public final class FloatAgreement {

    /** Allowed float-path error relative to the double result. */
    public static final double RELATIVE_TOLERANCE = 1e-5;

    /** Allowed float-path error in absolute terms, multiplied by {@code max(1, scale)}. */
    public static final double ABSOLUTE_TOLERANCE = 1e-6;

    private FloatAgreement() {
    }

    /** Whether a float result agrees with the double one. NaN agrees only with NaN. */
    public static boolean agrees(double floatResult, double doubleResult, double scale) {
        if (Double.isNaN(floatResult) || Double.isNaN(doubleResult)) {
            return Double.isNaN(floatResult) && Double.isNaN(doubleResult);
        }
        if (floatResult == doubleResult) {
            return true;
        }
        return Math.abs(floatResult - doubleResult) <= tolerance(doubleResult, scale);
    }

    /** The largest difference allowed from {@code doubleResult}. */
    public static double tolerance(double doubleResult, double scale) {
        return RELATIVE_TOLERANCE * Math.abs(doubleResult) + ABSOLUTE_TOLERANCE * Math.max(1, scale);
    }

    /**
     * Fails unless every element of {@code actual} agrees with {@code expected}; the scale of an element is the
     * largest expected magnitude in its row.
     *
     * @param what    e.g. {@code "activation 'tanh': forward"}
     * @param context a line saying what the inputs at an index were, for the message
     */
    static void assertRows(String what, float[] actual, double[] expected, int rows, int cols,
                           java.util.function.IntFunction<String> context) {
        Report.Mismatches mismatches = new Report.Mismatches();
        for (int r = 0; r < rows; r++) {
            double scale = 0;
            for (int c = 0; c < cols; c++) {
                scale = Math.max(scale, Math.abs(expected[r * cols + c]));
            }
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (!agrees(actual[i], expected[i], scale)) {
                    mismatches.add("  at " + Report.position(i, rows, cols) + ": " + context.apply(i)
                            + "\n  float path = " + Report.num(actual[i]) + ", double path = "
                            + Report.num(expected[i]) + ", |difference| = "
                            + Report.num(Math.abs(actual[i] - expected[i])) + " > tolerance "
                            + Report.num(tolerance(expected[i], scale)));
                }
            }
        }
        mismatches.failIfAny(what + ": the float path disagrees with the double path.", rows * cols);
    }
}
