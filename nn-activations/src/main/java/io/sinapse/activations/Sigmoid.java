package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;

/** The logistic function σ(z) = 1 / (1 + e^(−z)), squashing any real into (0, 1); σ'(z) = σ(z)(1 − σ(z)). */
public final class Sigmoid extends ElementwiseActivation {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double apply(double z) {
        // Exponentiate only non-positive numbers: e^t stays in (0, 1], never overflows, and the tiny tail
        // values for large |z| keep their full relative precision.
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z); // also the NaN path: exp(NaN) is NaN
        return e / (1 + e);
    }

    @Override
    public double derivative(double z, double out) {
        return out * (1 - out);
    }
}
