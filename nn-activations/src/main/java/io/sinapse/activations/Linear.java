package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;

/** The identity, f(z) = z: for regression outputs, where any real value is a valid prediction. */
public final class Linear extends ElementwiseActivation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public double apply(double z) {
        return z;
    }

    @Override
    public double derivative(double z, double out) {
        return Double.isNaN(z) ? z : 1; // NaN in, NaN out, also on the way back
    }
}
