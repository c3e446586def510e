package io.sinapse.testkit;

import io.sinapse.api.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The properties every {@link Activation} must have besides a correct derivative (for that, see
 * {@link GradientCheck#activation}). Each method checks both the float and the double path and throws an
 * {@link AssertionError} that names the path, the position and the values involved.
 *
 * <p><b>NaN policy.</b> A NaN pre-activation means training has already diverged; the library must make that
 * visible, not hide it. So NaN in gives NaN out: a NaN in {@code z} gives NaN in {@code out} at the same place and
 * NaN in {@code gradZ} at the same place; a NaN in {@code gradOut} gives NaN in {@code gradZ} at the same place.
 * Never an exception (the trainer decides what to do about divergence), never a number in its stead (as a careless
 * {@code z > 0 ? z : 0} gives 0 for NaN). A row-wise function like softmax may turn its whole row to NaN; other rows
 * stay as they were.
 */
public final class ActivationChecks {

    /**
     * Inputs every activation must handle besides random ones: zero (the kink of relu and the jump of threshold),
     * small values either side of it, order 1, and values where sigmoid and tanh saturate: near ±5 their derivatives
     * fall below 1e-2, and at ±30 σ(z) and tanh(z) round to their limits in float and nearly so in double.
     */
    public static final List<Double> EDGE_VALUES = List.of(0.0, 1e-3, -1e-3, 1.0, -1.0, 5.0, -5.0, 30.0, -30.0);

    /** The row {@link #valuesAreIndependent} cuts: longer than three 16-float vectors, and not a multiple of 16. */
    private static final int LONG_ROW = 53;

    /** Neighbour-row values that expose a row-wise computation reaching across rows (e.g. a batch-wide max). */
    private static final double LOUD = 1000;

    private ActivationChecks() {
    }

    /** Forward and backward on the float path agree with the double path within {@link FloatAgreement}. */
    public static void floatAgreesWithDouble(Activation a, double[] z, double[] gradOut, int rows, int cols) {
        int n = rows * cols;
        double[] zn = Arrays.copyOf(z, n);
        double[] gn = Arrays.copyOf(gradOut, n);
        double[] outDouble = Precision.DOUBLE.forward(a, zn, new double[n], rows, cols);
        double[] outFloat = Precision.FLOAT.forward(a, zn, new double[n], rows, cols);
        FloatAgreement.assertRows(Report.describe(a) + ": forward", Samples.toFloat(outFloat), outDouble, rows, cols,
                i -> "z = " + Report.num(zn[i]));

        double[] gradDouble = Precision.DOUBLE.backward(a, zn, outDouble, gn, new double[n], rows, cols);
        double[] gradFloat = Precision.FLOAT.backward(a, zn, outFloat, gn, new double[n], rows, cols);
        FloatAgreement.assertRows(Report.describe(a) + ": backward", Samples.toFloat(gradFloat), gradDouble, rows,
                cols, i -> "z = " + Report.num(zn[i]) + ", gradOut = " + Report.num(gn[i]));
    }

    /**
     * Each row's result depends on that row alone: it is the same, bit for bit, computed inside the batch, alone
     * ({@code rows = 1}), and between two rows of large values ({@code ±1000}). The same operations on the same
     * numbers give the same bits, so exact equality is the right test; a function that normalises over the batch
     * instead of the row fails it.
     */
    public static void rowsAreIndependent(Activation a, double[] z, double[] gradOut, int rows, int cols) {
        int n = rows * cols;
        double[] loud = new double[cols];
        double[] loudGrad = new double[cols];
        for (int c = 0; c < cols; c++) {
            loud[c] = (c % 2 == 0 ? LOUD : -LOUD) + c;
            loudGrad[c] = 1;
        }
        for (Precision precision : Precision.values()) {
            double[] zn = Arrays.copyOf(z, n);
            double[] gn = Arrays.copyOf(gradOut, n);
            double[] out = precision.forward(a, zn, new double[n], rows, cols);
            double[] gradZ = precision.backward(a, zn, out, gn, new double[n], rows, cols);
            for (int r = 0; r < rows; r++) {
                double[] zRow = Arrays.copyOfRange(zn, r * cols, (r + 1) * cols);
                double[] gRow = Arrays.copyOfRange(gn, r * cols, (r + 1) * cols);
                double[] outAlone = precision.forward(a, zRow, new double[cols], 1, cols);
                double[] gradAlone = precision.backward(a, zRow, outAlone, gRow, new double[cols], 1, cols);

                double[] zBetween = concat(loud, zRow, loud);
                double[] gBetween = concat(loudGrad, gRow, loudGrad);
                double[] outBetween = precision.forward(a, zBetween, new double[3 * cols], 3, cols);
                double[] gradBetween = precision.backward(a, zBetween, outBetween, gBetween, new double[3 * cols],
                        3, cols);
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    requireSameInEveryBatch(a, precision, "out", r, c, rows, cols, zRow,
                            out[i], outAlone[c], outBetween[cols + c]);
                    requireSameInEveryBatch(a, precision, "gradZ", r, c, rows, cols, zRow,
                            gradZ[i], gradAlone[c], gradBetween[cols + c]);
                }
            }
        }
    }

    /**
     * An element-wise activation ({@link io.sinapse.api.ElementwiseActivation}) computes each value on its own:
     * f(z) and gradZ at each position have the same bits when a call passes only the first j values (as one row of
     * j) as in a row of {@value #LONG_ROW} (the batch's values over and over), for j from 1 to nearly all of them.
     * Sinapse relies on it to activate part of a layer's outputs early (one example on two threads); a vector loop
     * whose short calls or tail take another formula fails it. Other activations pass without a check.
     */
    public static void valuesAreIndependent(Activation a, double[] z, double[] gradOut, int rows, int cols) {
        if (!(a instanceof io.sinapse.api.ElementwiseActivation)) {
            return;
        }
        int n = LONG_ROW;
        int batch = rows * cols;
        double[] zn = new double[n];
        double[] gn = new double[n];
        for (int i = 0; i < n; i++) {
            zn[i] = z[i % batch];
            gn[i] = gradOut[i % batch];
        }
        for (Precision precision : Precision.values()) {
            double[] out = precision.forward(a, zn, new double[n], 1, n);
            double[] gradZ = precision.backward(a, zn, out, gn, new double[n], 1, n);
            for (int j : new int[]{1, 7, 15, 16, 17, 33, n - 1}) {
                double[] zj = Arrays.copyOf(zn, j);
                double[] outJ = precision.forward(a, zj, new double[j], 1, j);
                double[] gradJ = precision.backward(a, zj, outJ, Arrays.copyOf(gn, j), new double[j], 1, j);
                for (int i = 0; i < j; i++) {
                    if (!Report.same(out[i], outJ[i]) || !Report.same(gradZ[i], gradJ[i])) {
                        throw new AssertionError(Report.describe(a) + " (" + precision.label() + "): value " + i
                                + " depends on how many values the call passes."
                                + "\n  z = " + Report.num(zn[i]) + ": out " + Report.num(out[i]) + " and gradZ "
                                + Report.num(gradZ[i]) + " in a 1×" + n + " call, out "
                                + Report.num(outJ[i]) + " and gradZ " + Report.num(gradJ[i]) + " in a 1×" + j
                                + " call"
                                + "\n  An element-wise activation must give each value the same bits whatever the"
                                + " call's size: compute a loop's tail (and short calls) with the same formula as"
                                + " its body.");
                    }
                }
            }
        }
    }

    private static void requireSameInEveryBatch(Activation a, Precision precision, String what, int r, int c,
                                                int rows, int cols, double[] zRow,
                                                double inBatch, double alone, double between) {
        if (!Report.same(inBatch, alone) || !Report.same(inBatch, between)) {
            throw new AssertionError(Report.describe(a) + " (" + precision.label() + "): row " + r
                    + " depends on the other rows of the batch."
                    + "\n  " + what + " at col " + c + " is " + Report.num(inBatch) + " inside the " + rows + "×"
                    + cols + " batch, " + Report.num(alone) + " computed alone (rows = 1), and "
                    + Report.num(between) + " between two rows of ±" + io.sinapse.api.Parameters.format(LOUD)
                    + "\n  row z = " + Report.values(zRow, cols)
                    + "\n  Each row must depend on its own values only (e.g. take softmax's max per row, not over"
                    + " the batch), and give the same bits wherever it sits.");
        }
    }

    /**
     * Only the first {@code rows * cols} elements are read or written: inputs longer than that, with NaN past the
     * end, give the same results as exact-length ones, and outputs keep what was past the end.
     */
    public static void leavesArrayTailsUntouched(Activation a, double[] z, double[] gradOut, int rows, int cols) {
        int n = rows * cols;
        double[] zn = Arrays.copyOf(z, n);
        double[] gn = Arrays.copyOf(gradOut, n);
        for (Precision precision : Precision.values()) {
            double[] out = precision.forward(a, zn, new double[n], rows, cols);
            double[] gradZ = precision.backward(a, zn, out, gn, new double[n], rows, cols);

            String who = Report.describe(a) + " (" + precision.label() + "): ";
            IntFunction<String> position = i -> Report.position(i, rows, cols);

            double[] zLong = Tails.padded(zn, Double.NaN);
            double[] outLong = precision.forward(a, zLong, Tails.filled(n + Tails.LENGTH, Tails.SENTINEL),
                    rows, cols);
            Tails.requireSamePrefixAndUntouchedTail(who + "forward", "out", out, outLong, n, position);

            double[] gradZLong = precision.backward(a, zLong, Tails.padded(out, Double.NaN),
                    Tails.padded(gn, Double.NaN), Tails.filled(n + Tails.LENGTH, Tails.SENTINEL), rows, cols);
            Tails.requireSamePrefixAndUntouchedTail(who + "backward", "gradZ", gradZ, gradZLong, n, position);
        }
    }

    /** {@code backward} gives the same bits when {@code gradZ} is the very array passed as {@code gradOut}. */
    public static void allowsGradZToAliasGradOut(Activation a, double[] z, double[] gradOut, int rows, int cols) {
        int n = rows * cols;
        double[] zn = Arrays.copyOf(z, n);
        double[] gn = Arrays.copyOf(gradOut, n);
        for (Precision precision : Precision.values()) {
            double[] out = precision.forward(a, zn, new double[n], rows, cols);
            double[] separate = precision.backward(a, zn, out, gn, new double[n], rows, cols);
            double[] shared = precision.backwardInPlace(a, zn, out, gn, rows, cols);
            for (int i = 0; i < n; i++) {
                if (!Report.same(separate[i], shared[i])) {
                    throw new AssertionError(Report.describe(a) + " (" + precision.label() + "): backward gives"
                            + " a different gradZ when gradZ is the same array as gradOut: at "
                            + Report.position(i, rows, cols) + " " + Report.num(shared[i]) + " instead of "
                            + Report.num(separate[i]) + "\n  row z = " + Report.row(zn, i / cols, cols)
                            + ", row gradOut = " + Report.row(gn, i / cols, cols)
                            + "\n  gradZ may alias gradOut: read every gradOut value a result needs before writing"
                            + " it (e.g. compute softmax's Σ gradOut·out for the row first).");
                }
            }
        }
    }

    /** NaN in gives NaN out, as the class comment states; finite rows stay finite; nothing throws. */
    public static void nanInGivesNanOut(Activation a, double[] z, double[] gradOut, int rows, int cols) {
        int n = rows * cols;
        double[] zn = Arrays.copyOf(z, n);
        double[] gn = Arrays.copyOf(gradOut, n);
        boolean[] poisoned = new boolean[n];
        boolean[] poisonedRow = new boolean[rows];
        for (int r = 0; r < rows; r += 2) {
            poisoned[r * cols + r % cols] = true;
            poisonedRow[r] = true;
        }
        double[] zNaN = zn.clone();
        double[] gNaN = gn.clone();
        for (int i = 0; i < n; i++) {
            if (poisoned[i]) {
                zNaN[i] = Double.NaN;
                gNaN[i] = Double.NaN;
            }
        }
        for (Precision precision : Precision.values()) {
            String who = Report.describe(a) + " (" + precision.label() + ")";
            double[] out = call(who, "forward with NaN in z",
                    () -> precision.forward(a, zNaN, new double[n], rows, cols));
            requireNaNPolicy(who, "forward with NaN in z", "out", out, poisoned, poisonedRow, rows, cols);

            double[] gradZ = call(who, "backward with NaN in z",
                    () -> precision.backward(a, zNaN, out, gn, new double[n], rows, cols));
            requireNaNPolicy(who, "backward with NaN in z", "gradZ", gradZ, poisoned, poisonedRow, rows, cols);

            double[] cleanOut = precision.forward(a, zn, new double[n], rows, cols);
            double[] gradZFromNaN = call(who, "backward with NaN in gradOut",
                    () -> precision.backward(a, zn, cleanOut, gNaN, new double[n], rows, cols));
            requireNaNPolicy(who, "backward with NaN in gradOut", "gradZ", gradZFromNaN, poisoned, poisonedRow,
                    rows, cols);
        }
    }

    private static double[] call(String who, String what, java.util.function.Supplier<double[]> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new AssertionError(who + ": " + what + " threw " + e
                    + ". The policy is NaN in, NaN out: propagate NaN, do not throw.", e);
        }
    }

    private static void requireNaNPolicy(String who, String what, String array, double[] result, boolean[] poisoned,
                                         boolean[] poisonedRow, int rows, int cols) {
        for (int i = 0; i < result.length; i++) {
            if (poisoned[i] && !Double.isNaN(result[i])) {
                throw new AssertionError(who + ": " + what + " at " + Report.position(i, rows, cols) + " gave "
                        + array + " = " + Report.num(result[i]) + ", a number where NaN went in."
                        + " The policy is NaN in, NaN out: a NaN must not be silently replaced"
                        + " (e.g. 'z > 0 ? z : 0' turns NaN into 0).");
            }
            if (!poisonedRow[i / cols] && Double.isNaN(result[i])) {
                throw new AssertionError(who + ": " + what + " gave " + array + " = NaN at "
                        + Report.position(i, rows, cols) + ", in a row without NaN inputs.");
            }
        }
    }

    private static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] joined = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
