package com.example.swish;

import io.sinapse.api.ElementwiseLoss;

/**
 * Log-cosh loss, the mean over all elements of {@code log(cosh(p − t))}: about {@code (p − t)²/2} for small errors,
 * like mse, and about {@code |p − t| − log 2} for large ones, like mae, so outliers pull less than with mse; and
 * unlike mae and huber it is smooth everywhere. Its derivative is {@code tanh(p − t)}.
 */
public final class LogCosh extends ElementwiseLoss {

    private static final double LOG_2 = Math.log(2);

    @Override
    public String name() {
        return "log_cosh";
    }

    /**
     * {@code log(cosh d) = |d| + log(1 + e^(−2|d|)) − log 2}, which never overflows ({@code Math.cosh} does for
     * |d| > 710) and is 0 at d = 0 exactly.
     */
    @Override
    public double loss(double p, double t) {
        double d = Math.abs(p - t);
        return d + Math.log1p(Math.exp(-2 * d)) - LOG_2;
    }

    @Override
    public double derivative(double p, double t) {
        return Math.tanh(p - t);
    }
}
