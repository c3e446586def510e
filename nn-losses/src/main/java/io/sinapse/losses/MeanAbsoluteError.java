package io.sinapse.losses;

import io.sinapse.api.ElementwiseLoss;

/**
 * The mean over all elements of |p − t|: less swayed by outliers than MSE. Its derivative is the sign of the
 * error, taken as 0 where p = t (as PyTorch does), so a prediction already on target is left alone.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {

    @Override
    public String name() {
        return "mae";
    }

    @Override
    public double loss(double p, double t) {
        return Math.abs(p - t);
    }

    @Override
    public double derivative(double p, double t) {
        return Math.signum(p - t); // 0 at 0; NaN for NaN
    }
}
