package io.sinapse.losses;

import io.sinapse.api.ElementwiseLoss;

/**
 * Cross-entropy of probabilities p (a sigmoid's outputs) against targets t in [0, 1]:
 * {@code −(t·log p + (1 − t)·log(1 − p))}, averaged over all elements.
 *
 * <p>Like Keras, it first clamps p to {@code [EPSILON, 1 − EPSILON]} with {@code EPSILON = 1e-7}, so that a
 * prediction of exactly 0 or 1 costs a large finite amount (at most −log(1e-7) ≈ 16.1) instead of infinity. The
 * gradient is the exact derivative of that clamped value: {@code (p − t) / (p(1 − p))} inside the range and 0
 * outside it, where the value no longer changes with p (as in Keras, whose clip passes no gradient there).
 * PyTorch's {@code BCELoss} instead clamps each log at −100; the two agree inside the range.
 */
public final class BinaryCrossEntropy extends ElementwiseLoss {

    /** The clamp margin, Keras's {@code backend.epsilon()}. */
    public static final double EPSILON = 1e-7;

    @Override
    public String name() {
        return "binary_cross_entropy";
    }

    @Override
    public double loss(double p, double t) {
        double q = clamp(p);
        return -(t * Math.log(q) + (1 - t) * Math.log1p(-q)); // log1p keeps precision when q is near 0
    }

    @Override
    public double derivative(double p, double t) {
        if (p < EPSILON || p > 1 - EPSILON) {
            return 0; // the clamp holds the value constant here
        }
        return (p - t) / (p * (1 - p));
    }

    private static double clamp(double p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON); // Math.min/max keep NaN
    }
}
