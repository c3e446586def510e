package io.sinapse.testkit;

import io.sinapse.api.Regularizer;
import java.util.Arrays;

/** The properties every {@link Regularizer} must have besides a correct gradient ({@link GradientCheck#regularizer}). */
public final class RegularizerChecks {

    /** {@code addGradient} on the double path must add to within this relative error (a few roundings). */
    public static final double ADD_RELATIVE_TOLERANCE = 1e-12;

    private RegularizerChecks() {
    }

    /** Penalty and gradient on the float path agree with the double path within {@link FloatAgreement}. */
    public static void floatAgreesWithDouble(Regularizer regularizer, double[] weights, int count) {
        double[] w = Arrays.copyOf(weights, count);
        double penaltyDouble = Precision.DOUBLE.penalty(regularizer, w, count);
        double penaltyFloat = Precision.FLOAT.penalty(regularizer, w, count);
        if (!FloatAgreement.agrees(penaltyFloat, penaltyDouble, Math.abs(penaltyDouble))) {
            throw new AssertionError(Report.describe(regularizer) + ": penalty on the float path is "
                    + Report.num(penaltyFloat) + ", on the double path " + Report.num(penaltyDouble)
                    + "\n  weights = " + Report.values(w, count));
        }
        double[] gradDouble = Precision.DOUBLE.addGradient(regularizer, w, new double[count], count);
        double[] gradFloat = Precision.FLOAT.addGradient(regularizer, w, new double[count], count);
        FloatAgreement.assertRows(Report.describe(regularizer) + ": addGradient", Samples.toFloat(gradFloat),
                gradDouble, 1, count, i -> "weight = " + Report.num(w[i]));
    }

    /**
     * {@code addGradient} adds to the gradients already there (those of the loss) rather than overwriting them:
     * starting from {@code existing} it gives {@code existing + (what it gives starting from 0)}.
     */
    public static void addsToTheGradient(Regularizer regularizer, double[] weights, double[] existing, int count) {
        double[] w = Arrays.copyOf(weights, count);
        double[] g = Arrays.copyOf(existing, count);
        for (Precision precision : Precision.values()) {
            double[] own = precision.addGradient(regularizer, w, new double[count], count);
            double[] added = precision.addGradient(regularizer, w, g, count);
            double relative = precision == Precision.DOUBLE ? ADD_RELATIVE_TOLERANCE : FloatAgreement.RELATIVE_TOLERANCE;
            for (int i = 0; i < count; i++) {
                double expected = g[i] + own[i];
                double tolerance = relative * (Math.abs(g[i]) + Math.abs(own[i]));
                if (!(Math.abs(added[i] - expected) <= tolerance)) {
                    throw new AssertionError(Report.describe(regularizer) + " (" + precision.label()
                            + "): addGradient must ADD to the gradient already there. At index " + i + ": weight = "
                            + Report.num(w[i]) + ", gradient before = " + Report.num(g[i]) + ", own gradient = "
                            + Report.num(own[i]) + ", so expected " + Report.num(expected) + " but got "
                            + Report.num(added[i]) + (Report.same(added[i], own[i]) ? " (it overwrote)." : "."));
                }
            }
        }
    }

    /** All-zero weights cost nothing. */
    public static void zeroPenaltyAtZero(Regularizer regularizer, int count) {
        for (Precision precision : Precision.values()) {
            double penalty = precision.penalty(regularizer, new double[count], count);
            if (penalty != 0) {
                throw new AssertionError(Report.describe(regularizer) + " (" + precision.label() + "): penalty of "
                        + count + " zero weights is " + Report.num(penalty) + ", expected 0.");
            }
        }
    }

    /** Only the first {@code count} weights are read, and only the first {@code count} gradients written. */
    public static void leavesArrayTailsUntouched(Regularizer regularizer, double[] weights, int count) {
        double[] w = Arrays.copyOf(weights, count);
        double[] wLong = Tails.padded(w, Double.NaN);
        for (Precision precision : Precision.values()) {
            String who = Report.describe(regularizer) + " (" + precision.label() + "): ";
            double penalty = precision.penalty(regularizer, w, count);
            double penaltyLong = precision.penalty(regularizer, wLong, count);
            if (!Report.same(penalty, penaltyLong)) {
                throw new AssertionError(who + "penalty is " + Report.num(penaltyLong) + " when the weights array"
                        + " is longer than count = " + count + " (its tail holds NaN), " + Report.num(penalty)
                        + " otherwise. Read only the first count weights.");
            }
            double[] grads = precision.addGradient(regularizer, w, new double[count], count);
            double[] gradsLong = precision.addGradient(regularizer, wLong,
                    Tails.padded(new double[count], Tails.SENTINEL), count);
            Tails.requireSamePrefixAndUntouchedTail(who + "addGradient", "grads", grads, gradsLong, count,
                    i -> "index " + i + " of " + count);
        }
    }
}
