package io.sinapse.testkit;

import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import java.util.Arrays;
import java.util.Random;

/**
 * The properties every {@link Loss} must have besides a correct gradient (for that, see
 * {@link GradientCheck#loss}). NaN policy as for activations (see {@link ActivationChecks}): a NaN prediction gives
 * a NaN value and a NaN gradient at its place, without an exception.
 */
public final class LossChecks {

    /** A loss of exactly the minimum up to this much counts as zero. */
    public static final double ZERO_TOLERANCE = 1e-12;

    /**
     * The gradient at the minimum must be zero up to this much: rounding in gradients of order 1 (e.g. softmax of
     * log t minus t) is ~1e-16; a loss whose minimum is off the target has a slope there of the order of that
     * offset.
     */
    public static final double STATIONARY_TOLERANCE = 1e-10;

    /** Perturbations of the minimizer have sizes in [MIN, MAX). */
    static final double MIN_PERTURBATION = 0.01;
    static final double MAX_PERTURBATION = 0.05;

    private LossChecks() {
    }

    /** Value and gradient on the float path agree with the double path within {@link FloatAgreement}. */
    public static void floatAgreesWithDouble(Loss loss, double[] predicted, double[] target, int rows, int cols) {
        int n = rows * cols;
        double[] p = Arrays.copyOf(predicted, n);
        double[] t = Arrays.copyOf(target, n);
        double valueDouble = Precision.DOUBLE.value(loss, p, t, rows, cols);
        double valueFloat = Precision.FLOAT.value(loss, p, t, rows, cols);
        if (!FloatAgreement.agrees(valueFloat, valueDouble, Math.abs(valueDouble))) {
            throw new AssertionError(Report.describe(loss) + ": value on the float path is " + Report.num(valueFloat)
                    + ", on the double path " + Report.num(valueDouble) + "; |difference| = "
                    + Report.num(Math.abs(valueFloat - valueDouble)) + " > tolerance "
                    + Report.num(FloatAgreement.tolerance(valueDouble, Math.abs(valueDouble)))
                    + "\n  predicted = " + Report.values(p, n) + "\n  target = " + Report.values(t, n));
        }
        double[] gradDouble = Precision.DOUBLE.gradient(loss, p, t, new double[n], rows, cols);
        double[] gradFloat = Precision.FLOAT.gradient(loss, p, t, new double[n], rows, cols);
        FloatAgreement.assertRows(Report.describe(loss) + ": gradient", Samples.toFloat(gradFloat), gradDouble,
                rows, cols, i -> "predicted = " + Report.num(p[i]) + ", target = " + Report.num(t[i]));
    }

    /**
     * The loss is smallest at the prediction that matches the target: no random perturbation of the minimizer
     * (every element moved by ±[0.01, 0.05)) and no move of a single element lowers the value; the gradient there
     * is zero (within {@link #STATIONARY_TOLERANCE}); and the value is 0 when {@code zeroAtMinimum} (mse, mae,
     * huber).
     *
     * <p>Not lowering rather than raising: some losses are flat in some directions at their minimum (softmax
     * cross-entropy does not change when a row of logits is shifted, and is constant for a single class). The zero
     * gradient still pins the minimum to the target: a loss smallest elsewhere has a slope at the target.
     *
     * @param minimizer the prediction that should minimise the loss for {@code target}: the target itself for
     *                  regression losses, {@code log(target)} for a loss taking logits
     */
    public static void smallestAtTheTarget(Loss loss, double[] target, double[] minimizer, int rows, int cols,
                                           boolean zeroAtMinimum, Random random) {
        int n = rows * cols;
        double[] t = Arrays.copyOf(target, n);
        double[] best = Arrays.copyOf(minimizer, n);
        double minimum = loss.value(best, t, rows, cols);
        String where = "\n  target = " + Report.values(t, n) + "\n  minimizer = " + Report.values(best, n);
        if (zeroAtMinimum && !(Math.abs(minimum) <= ZERO_TOLERANCE)) {
            throw new AssertionError(Report.describe(loss) + ": value at the target is " + Report.num(minimum)
                    + ", expected 0 (within " + ZERO_TOLERANCE + ")." + where);
        }
        for (int trial = 0; trial < 5; trial++) {
            double[] moved = best.clone();
            for (int i = 0; i < n; i++) {
                moved[i] += perturbation(random);
            }
            requireNotLower(loss, moved, t, rows, cols, minimum, "every element moved", where);
        }
        for (int j = 0; j < n; j++) {
            for (double sign : new double[] {1, -1}) {
                double[] moved = best.clone();
                moved[j] += sign * Math.abs(perturbation(random));
                requireNotLower(loss, moved, t, rows, cols, minimum, "element " + j + " moved", where);
            }
        }
        double[] grad = new double[n];
        loss.gradient(best, t, grad, rows, cols);
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(grad[i]) <= STATIONARY_TOLERANCE)) {
                throw new AssertionError(Report.describe(loss) + ": the gradient at the target is not zero: "
                        + Report.num(grad[i]) + " at " + Report.position(i, rows, cols)
                        + ", so the loss is smaller on one side of the target." + where);
            }
        }
    }

    private static double perturbation(Random random) {
        double size = MIN_PERTURBATION + (MAX_PERTURBATION - MIN_PERTURBATION) * random.nextDouble();
        return (float) (random.nextBoolean() ? size : -size);
    }

    private static void requireNotLower(Loss loss, double[] moved, double[] t, int rows, int cols, double minimum,
                                        String how, String where) {
        double value = loss.value(moved, t, rows, cols);
        if (!(value >= minimum)) {
            throw new AssertionError(Report.describe(loss) + ": the value at the target is not the minimum: with "
                    + how + " it is " + Report.num(value) + ", below " + Report.num(minimum)
                    + " at the target." + where + "\n  moved = " + Report.values(moved, moved.length));
        }
    }

    /**
     * Only the first {@code rows * cols} elements are read or written: longer inputs with NaN past the end give the
     * same value and gradient, and the gradient array keeps what was past the end.
     */
    public static void leavesArrayTailsUntouched(Loss loss, double[] predicted, double[] target, int rows,
                                                 int cols) {
        int n = rows * cols;
        double[] p = Arrays.copyOf(predicted, n);
        double[] t = Arrays.copyOf(target, n);
        for (Precision precision : Precision.values()) {
            String who = Report.describe(loss) + " (" + precision.label() + "): ";
            double value = precision.value(loss, p, t, rows, cols);
            double[] pLong = Tails.padded(p, Double.NaN);
            double[] tLong = Tails.padded(t, Double.NaN);
            double valueLong = precision.value(loss, pLong, tLong, rows, cols);
            if (!Report.same(value, valueLong)) {
                throw new AssertionError(who + "value is " + Report.num(valueLong) + " when the arrays are longer"
                        + " than rows * cols = " + n + " (their tails hold NaN), " + Report.num(value)
                        + " otherwise. Read only the first rows * cols elements.");
            }
            double[] grad = precision.gradient(loss, p, t, new double[n], rows, cols);
            double[] gradLong = precision.gradient(loss, pLong, tLong, Tails.filled(n + Tails.LENGTH,
                    Tails.SENTINEL), rows, cols);
            Tails.requireSamePrefixAndUntouchedTail(who + "gradient", "grad", grad, gradLong, n,
                    i -> Report.position(i, rows, cols));
        }
    }

    /** A NaN prediction gives a NaN value and NaN gradient at its place; other rows' gradients stay finite. */
    public static void nanInGivesNanOut(Loss loss, double[] predicted, double[] target, int rows, int cols) {
        int n = rows * cols;
        double[] p = Arrays.copyOf(predicted, n);
        double[] t = Arrays.copyOf(target, n);
        int poisoned = n - 1;
        p[poisoned] = Double.NaN;
        for (Precision precision : Precision.values()) {
            String who = Report.describe(loss) + " (" + precision.label() + "): ";
            double value;
            double[] grad;
            try {
                value = precision.value(loss, p, t, rows, cols);
                grad = precision.gradient(loss, p, t, new double[n], rows, cols);
            } catch (RuntimeException e) {
                throw new AssertionError(who + "threw " + e + " on a NaN prediction. The policy is NaN in, NaN out:"
                        + " propagate NaN, do not throw.", e);
            }
            if (!Double.isNaN(value)) {
                throw new AssertionError(who + "value is " + Report.num(value) + " with a NaN prediction at "
                        + Report.position(poisoned, rows, cols) + "; the policy is NaN in, NaN out.");
            }
            if (!Double.isNaN(grad[poisoned])) {
                throw new AssertionError(who + "gradient at the NaN prediction, " + Report.position(poisoned, rows,
                        cols) + ", is " + Report.num(grad[poisoned]) + "; the policy is NaN in, NaN out.");
            }
            for (int i = 0; i < (rows - 1) * cols; i++) {
                if (Double.isNaN(grad[i])) {
                    throw new AssertionError(who + "gradient is NaN at " + Report.position(i, rows, cols)
                            + ", in a row without NaN predictions.");
                }
            }
        }
    }

    /**
     * {@link Loss#valueAndGradient} gives, bit for bit, the value of {@link Loss#value} and the gradient of
     * {@link Loss#gradient} (float path), and writes nothing past {@code rows * cols} in the gradient.
     */
    public static void valueAndGradientMatchTheTwoCalls(Loss loss, double[] predicted, double[] target, int rows,
                                                         int cols) {
        int n = rows * cols;
        float[] p = Samples.toFloat(Arrays.copyOf(predicted, n));
        float[] t = Samples.toFloat(Arrays.copyOf(target, n));
        double value = loss.value(p, t, rows, cols);
        float[] grad = new float[n];
        loss.gradient(p, t, grad, rows, cols);
        float[] fusedGrad = new float[n + Tails.LENGTH];
        Arrays.fill(fusedGrad, n, fusedGrad.length, (float) Tails.SENTINEL);
        double fused = loss.valueAndGradient(p, t, fusedGrad, rows, cols);
        String who = Report.describe(loss) + ": valueAndGradient ";
        if (Double.doubleToLongBits(fused) != Double.doubleToLongBits(value)) {
            throw new AssertionError(who + "gives the value " + Report.num(fused) + ", value() gives "
                    + Report.num(value) + "; the two must be the same number.");
        }
        for (int i = 0; i < n; i++) {
            if (Float.floatToIntBits(fusedGrad[i]) != Float.floatToIntBits(grad[i])) {
                throw new AssertionError(who + "gives the gradient " + fusedGrad[i] + " at "
                        + Report.position(i, rows, cols) + ", gradient() gives " + grad[i]
                        + "; the two must be the same number.");
            }
        }
        for (int i = n; i < fusedGrad.length; i++) {
            if (fusedGrad[i] != (float) Tails.SENTINEL) {
                throw new AssertionError(who + "wrote " + fusedGrad[i] + " at index " + i + ", past rows * cols = "
                        + n + ".");
            }
        }
    }

    /** If the loss fuses an activation, the lookup knows that activation by the name it gives. */
    public static void fusedActivationIsKnown(Loss loss, Plugins plugins) {
        loss.fusedActivation().ifPresent(name -> {
            try {
                plugins.activation(name);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(Report.describe(loss) + ": fusedActivation() names '" + name
                        + "', which the lookup does not know: " + e.getMessage()
                        + "\n  (In a test, put the module providing it on the test path.)", e);
            }
        });
    }
}
