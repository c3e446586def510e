package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;

/** The hyperbolic tangent, into (−1, 1) and centred on 0; tanh'(z) = 1 − tanh²(z). */
public final class Tanh extends ElementwiseActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double out) {
        return 1 - out * out;
    }
}
