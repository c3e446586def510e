package io.sinapse.regularization;

import io.sinapse.api.Regularizer;

/**
 * Checks a regularizer's gradient against central finite differences of its penalty, on the double path:
 * {@code numeric_i = (P(w + h·e_i) − P(w − h·e_i)) / 2h}.
 *
 * <p>Step and tolerance: with {@code h = 1e-6} the truncation error {@code h²·|P'''|/6} is below 1e-12 for these
 * penalties (zero for the quadratic and piecewise-linear ones away from 0), and the rounding error is about
 * {@code ε·|P|/h ≈ 2e-10·|P|} (ε = 2⁻⁵²). So a correct gradient agrees to within
 * {@code 1e-6·|gradient| + 1e-8·max(1, |P|)}, fifty times the rounding noise; a wrong factor, term or sign misses
 * by orders of magnitude more. Weights within {@code 2h} of a kink (|w| at 0) are skipped, since the difference
 * would straddle it; a check that skips every weight fails, since it proved nothing.
 */
final class FiniteDifferences {

    static final double STEP = 1e-6;
    static final double RELATIVE_TOLERANCE = 1e-6;
    static final double ABSOLUTE_TOLERANCE = 1e-8;

    private FiniteDifferences() {
    }

    /** Throws an AssertionError naming the first weight whose analytic and numeric derivatives disagree. */
    static void check(Regularizer regularizer, double[] weights, boolean kinkAtZero) {
        int n = weights.length;
        double[] w = weights.clone();
        double[] analytic = new double[n];
        regularizer.addGradient(w, analytic, n);
        double scale = Math.max(1, Math.abs(regularizer.penalty(w, n)));
        int checked = 0;
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (kinkAtZero && Math.abs(wi) <= 2 * STEP) {
                continue;
            }
            w[i] = wi + STEP;
            double upper = w[i];
            double plus = regularizer.penalty(w, n);
            w[i] = wi - STEP;
            double lower = w[i];
            double minus = regularizer.penalty(w, n);
            w[i] = wi;
            double numeric = (plus - minus) / (upper - lower);
            double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(analytic[i]), Math.abs(numeric))
                    + ABSOLUTE_TOLERANCE * scale;
            if (!(Math.abs(analytic[i] - numeric) <= allowed)) {
                throw new AssertionError(regularizer.spec() + " at w[" + i + "] = " + wi + ": addGradient gives "
                        + analytic[i] + ", the central difference (h = " + STEP + ") " + numeric
                        + "; allowed difference " + allowed);
            }
            checked++;
        }
        if (checked == 0) {
            throw new AssertionError(regularizer.spec() + ": every weight was at a kink, nothing was checked");
        }
    }
}
