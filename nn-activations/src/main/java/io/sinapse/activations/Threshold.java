package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;

/**
 * The step of the McCulloch–Pitts neuron and the perceptron: 1 when {@code z > 0}, else 0 (so 0 at 0).
 * Its derivative is 0 wherever it exists, so gradient descent cannot train through it; the perceptron rule does.
 */
public final class Threshold extends ElementwiseActivation {

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public double apply(double z) {
        if (Double.isNaN(z)) {
            return z; // NaN in, NaN out: "z > 0" alone would call NaN 0
        }
        return z > 0 ? 1 : 0;
    }

    @Override
    public double derivative(double z, double out) {
        return Double.isNaN(z) ? z : 0;
    }
}
