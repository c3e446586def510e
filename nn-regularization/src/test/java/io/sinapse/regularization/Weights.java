package io.sinapse.regularization;

/** Weights to check regularizers on besides the contract's random ones: both signs, large and small, and 0. */
final class Weights {

    static final double[] SAMPLE = {-2.5, -1, -0.3, -1e-3, 0, 1e-3, 0.7, 1.9, 4};

    private Weights() {
    }
}
