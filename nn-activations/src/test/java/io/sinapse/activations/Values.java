package io.sinapse.activations;

import io.sinapse.api.Activation;

/** One-value calls for the hand-computed examples. */
final class Values {

    private Values() {
    }

    static double forward(Activation activation, double z) {
        double[] out = new double[1];
        activation.forward(new double[] {z}, out, 1, 1);
        return out[0];
    }

    /** f'(z), as backward gives it for an upstream gradient of 1. */
    static double derivative(Activation activation, double z) {
        double[] out = {forward(activation, z)};
        double[] gradZ = new double[1];
        activation.backward(new double[] {z}, out, new double[] {1}, gradZ, 1, 1);
        return gradZ[0];
    }
}
