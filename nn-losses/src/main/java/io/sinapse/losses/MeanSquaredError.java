package io.sinapse.losses;

import io.sinapse.api.ElementwiseLoss;

/** The course's MSE: the mean over all elements of (p − t)². Large errors weigh quadratically. */
public final class MeanSquaredError extends ElementwiseLoss {

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double loss(double p, double t) {
        double error = p - t;
        return error * error;
    }

    @Override
    public double derivative(double p, double t) {
        return 2 * (p - t);
    }
}
