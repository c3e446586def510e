package io.sinapse.core;

/**
 * The 1943 neuron of McCulloch and Pitts: binary inputs, fixed weights (positive excitatory, negative
 * inhibitory), and a threshold. Its activation potential is the weighted sum minus the threshold; it fires (1)
 * when that potential is positive and stays silent (0) otherwise. Nothing here learns.
 */
public final class McCullochPittsNeuron {

    private final double[] weights;
    private final double threshold;

    public McCullochPittsNeuron(double[] weights, double threshold) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("A neuron needs at least one input weight");
        }
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    /** Σ wᵢxᵢ − θ: positive is excitatory, otherwise inhibitory. */
    public double potential(int... inputs) {
        if (inputs.length != weights.length) {
            throw new IllegalArgumentException("This neuron has " + weights.length + " inputs, got "
                    + inputs.length + " values");
        }
        double sum = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != 0 && inputs[i] != 1) {
                throw new IllegalArgumentException("Input x" + (i + 1) + " is " + inputs[i]
                        + "; a McCulloch–Pitts neuron takes binary inputs (0 or 1)");
            }
            sum += weights[i] * inputs[i];
        }
        return sum - threshold;
    }

    /** 1 when the potential is positive, else 0. */
    public int fire(int... inputs) {
        return potential(inputs) > 0 ? 1 : 0;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double threshold() {
        return threshold;
    }
}
