package io.sinapse.testkit;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Regularizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.DoubleBinaryOperator;

/**
 * Checks that the derivative a plug-in computes is the derivative of the value it computes, by central finite
 * differences on the {@code double} reference path: {@code numeric = (f(x + h) - f(x - h)) / 2h} for each input in
 * turn, compared with the analytic result of {@code backward}, {@code gradient} or {@code addGradient}.
 *
 * <h2>Step and tolerances</h2>
 * The central difference has two errors. Truncation: {@code h²·|f'''|/6}, about {@code 1e-13} for {@code h = 1e-6}
 * and the smooth functions of a network. Rounding: each value of {@code f} carries a few units of
 * {@code ε = 2⁻⁵² ≈ 2.2e-16} relative to its size, and the quotient divides their difference by {@code 2h}, so it is
 * off by about {@code ε·|f|/h ≈ 2e-10·|f|}. The step {@link #STEP} {@code = 1e-6} balances the two for inputs of
 * order 1; the quotient is then good to about nine digits. Hence:
 * <ul>
 *   <li>{@link #RELATIVE_TOLERANCE} {@code = 1e-6}: the analytic and numeric derivatives must agree to six digits.
 *       A correct derivative is off by ~1e-9; a wrong one (a lost factor, term or sign) is off by far more.</li>
 *   <li>{@link #ABSOLUTE_TOLERANCE} {@code = 1e-8}, times {@code max(1, scale)}: a floor for derivatives near zero,
 *       where the numeric one is pure rounding noise (0 against 5e-11, say) and a relative test means nothing.
 *       {@code scale} is the size of the values whose difference is taken (for an activation, the sum over the
 *       row of {@code |gradOut|·|out|}; for a loss, {@code |value|}; for a regularizer, {@code |penalty|}), so the
 *       floor is about 50 times the rounding noise {@code ε·scale/h}, enough for sums of up to ~64 terms.</li>
 *   <li>{@link #KINK_MARGIN} {@code = 2h}: an input this close to a kink (relu at 0, |x| at 0) or a jump (the step
 *       of threshold) is skipped, since the difference would straddle it and measure no derivative at all. Twice
 *       {@code h} rather than {@code h} so that rounding of {@code x ± h} cannot put a point on the wrong side.</li>
 * </ul>
 * A pair agrees when {@code |analytic - numeric| <= RELATIVE_TOLERANCE·max(|analytic|, |numeric|) +
 * ABSOLUTE_TOLERANCE·max(1, scale)}. NaN on either side never agrees.
 *
 * <p>Each check throws an {@link AssertionError} naming the plug-in, the position, the inputs, both derivatives and
 * the tolerance, and says how many elements disagree in all. A check in which every input was skipped fails too:
 * it would prove nothing.
 */
public final class GradientCheck {

    /** The finite-difference step {@code h}. */
    public static final double STEP = 1e-6;

    /** Agreement required between analytic and numeric derivatives, relative to the larger of the two. */
    public static final double RELATIVE_TOLERANCE = 1e-6;

    /** Floor for derivatives near zero, multiplied by {@code max(1, scale)}. */
    public static final double ABSOLUTE_TOLERANCE = 1e-8;

    /** Inputs closer than this to a kink are not checked. */
    public static final double KINK_MARGIN = 2 * STEP;

    private GradientCheck() {
    }

    /** Whether an analytic and a numeric derivative agree, as defined above. */
    public static boolean agrees(double analytic, double numeric, double scale) {
        return Math.abs(analytic - numeric) <= tolerance(analytic, numeric, scale);
    }

    /** The largest difference allowed between {@code analytic} and {@code numeric}. */
    public static double tolerance(double analytic, double numeric, double scale) {
        return RELATIVE_TOLERANCE * Math.max(Math.abs(analytic), Math.abs(numeric))
                + ABSOLUTE_TOLERANCE * Math.max(1, scale);
    }

    /** Whether {@code x} is within {@link #KINK_MARGIN} of one of {@code kinks}. */
    public static boolean nearKink(double x, Collection<Double> kinks) {
        for (double kink : kinks) {
            if (Math.abs(x - kink) <= KINK_MARGIN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks {@code backward} against finite differences of {@code forward}. The scalar differentiated is
     * {@code L(z) = Σ gradOut_i · out_i}, whose gradient is exactly what {@code backward} returns for that
     * {@code gradOut}; a random {@code gradOut} therefore checks the whole vector-Jacobian product, including the
     * coupling inside a row that a row-wise function like softmax has.
     *
     * @param kinks inputs where the function has no derivative; elements within {@link #KINK_MARGIN} are skipped
     */
    public static void activation(Activation activation, double[] z, double[] gradOut, int rows, int cols,
                                  Collection<Double> kinks) {
        int n = rows * cols;
        double[] input = Arrays.copyOf(z, n);
        double[] out = new double[n];
        activation.forward(input, out, rows, cols);
        double[] analytic = new double[n];
        activation.backward(input, out, Arrays.copyOf(gradOut, n), analytic, rows, cols);

        double[] plus = new double[n];
        double[] minus = new double[n];
        Report.Mismatches mismatches = new Report.Mismatches();
        int checked = 0;
        for (int j = 0; j < n; j++) {
            double zj = input[j];
            if (nearKink(zj, kinks)) {
                continue;
            }
            checked++;
            input[j] = zj + STEP;
            double upper = input[j];
            activation.forward(input, plus, rows, cols);
            input[j] = zj - STEP;
            double lower = input[j];
            activation.forward(input, minus, rows, cols);
            input[j] = zj;

            double difference = 0;
            for (int i = 0; i < n; i++) {
                difference += gradOut[i] * (plus[i] - minus[i]);
            }
            double scale = 0;
            int row = j / cols;
            for (int i = row * cols; i < (row + 1) * cols; i++) {
                scale += Math.abs(gradOut[i]) * Math.max(Math.abs(plus[i]), Math.abs(minus[i]));
            }
            double numeric = difference / (upper - lower);
            if (!agrees(analytic[j], numeric, scale)) {
                mismatches.add("  at " + Report.position(j, rows, cols) + ": z = " + Report.num(zj)
                        + ", gradOut = " + Report.num(gradOut[j])
                        + "\n  analytic gradZ = " + Report.num(analytic[j]) + ", numeric = " + Report.num(numeric)
                        + " (central difference, h = " + STEP + ")"
                        + "\n  |difference| = " + Report.num(Math.abs(analytic[j] - numeric)) + " > tolerance "
                        + Report.num(tolerance(analytic[j], numeric, scale))
                        + "\n  row z = " + Report.row(z, row, cols) + ", row gradOut = " + Report.row(gradOut, row, cols));
            }
        }
        requireChecked(checked, Report.describe(activation), n);
        mismatches.failIfAny(Report.describe(activation)
                + ": backward disagrees with finite differences of forward (double path).", checked);
    }

    /**
     * Checks {@code gradient} against finite differences of {@code value}, one prediction at a time.
     *
     * @param distanceToKink how far a (predicted, target) pair is from a point where the loss has no derivative in
     *                       the prediction (e.g. {@code |p - t|} for mean absolute error); pairs within
     *                       {@link #KINK_MARGIN} are skipped
     */
    public static void loss(Loss loss, double[] predicted, double[] target, int rows, int cols,
                            DoubleBinaryOperator distanceToKink) {
        int n = rows * cols;
        double[] p = Arrays.copyOf(predicted, n);
        double[] t = Arrays.copyOf(target, n);
        double[] analytic = new double[n];
        loss.gradient(p, t, analytic, rows, cols);

        Report.Mismatches mismatches = new Report.Mismatches();
        int checked = 0;
        for (int j = 0; j < n; j++) {
            double pj = p[j];
            if (distanceToKink.applyAsDouble(pj, t[j]) <= KINK_MARGIN) {
                continue;
            }
            checked++;
            p[j] = pj + STEP;
            double upper = p[j];
            double up = loss.value(p, t, rows, cols);
            p[j] = pj - STEP;
            double lower = p[j];
            double down = loss.value(p, t, rows, cols);
            p[j] = pj;
            double numeric = (up - down) / (upper - lower);
            double scale = Math.max(Math.abs(up), Math.abs(down));
            if (!agrees(analytic[j], numeric, scale)) {
                mismatches.add("  at " + Report.position(j, rows, cols) + ": predicted = " + Report.num(pj)
                        + ", target = " + Report.num(t[j])
                        + "\n  analytic gradient = " + Report.num(analytic[j]) + ", numeric = " + Report.num(numeric)
                        + " (central difference of value, h = " + STEP + ")"
                        + "\n  |difference| = " + Report.num(Math.abs(analytic[j] - numeric)) + " > tolerance "
                        + Report.num(tolerance(analytic[j], numeric, scale))
                        + "\n  row predicted = " + Report.row(p, j / cols, cols)
                        + ", row target = " + Report.row(t, j / cols, cols));
            }
        }
        requireChecked(checked, Report.describe(loss), n);
        mismatches.failIfAny(Report.describe(loss)
                + ": gradient disagrees with finite differences of value (double path).", checked);
    }

    /**
     * Checks {@code addGradient} (added to zeros) against finite differences of {@code penalty}.
     *
     * @param kinks weights where the penalty has no derivative (0 for L1); weights within {@link #KINK_MARGIN} are
     *              skipped
     */
    public static void regularizer(Regularizer regularizer, double[] weights, int count, Collection<Double> kinks) {
        double[] w = Arrays.copyOf(weights, count);
        double[] analytic = new double[count];
        regularizer.addGradient(w, analytic, count);

        Report.Mismatches mismatches = new Report.Mismatches();
        int checked = 0;
        for (int j = 0; j < count; j++) {
            double wj = w[j];
            if (nearKink(wj, kinks)) {
                continue;
            }
            checked++;
            w[j] = wj + STEP;
            double upper = w[j];
            double up = regularizer.penalty(w, count);
            w[j] = wj - STEP;
            double lower = w[j];
            double down = regularizer.penalty(w, count);
            w[j] = wj;
            double numeric = (up - down) / (upper - lower);
            double scale = Math.max(Math.abs(up), Math.abs(down));
            if (!agrees(analytic[j], numeric, scale)) {
                mismatches.add("  at index " + j + " of " + count + ": weight = " + Report.num(wj)
                        + "\n  analytic gradient (added to 0) = " + Report.num(analytic[j]) + ", numeric = "
                        + Report.num(numeric) + " (central difference of penalty, h = " + STEP + ")"
                        + "\n  |difference| = " + Report.num(Math.abs(analytic[j] - numeric)) + " > tolerance "
                        + Report.num(tolerance(analytic[j], numeric, scale)));
            }
        }
        requireChecked(checked, Report.describe(regularizer), count);
        mismatches.failIfAny(Report.describe(regularizer)
                + ": addGradient disagrees with finite differences of penalty (double path).", checked);
    }

    private static void requireChecked(int checked, String what, int n) {
        if (checked == 0) {
            throw new AssertionError(what + ": gradient check skipped all " + n
                    + " inputs as too close to a kink; it needs inputs away from the kinks to prove anything.");
        }
    }
}
