package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;
import io.sinapse.api.WeightInit;

/** The rectified linear unit, max(0, z). At the kink z = 0 it takes derivative 0, as PyTorch and Keras do. */
public final class Relu extends ElementwiseActivation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double apply(double z) {
        return Math.max(0, z); // Math.max keeps NaN
    }

    @Override
    public double derivative(double z, double out) {
        if (Double.isNaN(z)) {
            return z;
        }
        return z > 0 ? 1 : 0;
    }

    /** He initialisation: relu zeroes half of its inputs, which Glorot's variance does not account for. */
    @Override
    public WeightInit preferredInit() {
        return WeightInit.HE;
    }
}
