package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;
import io.sinapse.api.Parameters;
import io.sinapse.api.WeightInit;

/**
 * Relu with a small slope {@code alpha} (default 0.01) for negative inputs, so that a unit pushed below zero still
 * gets a gradient and can recover. At z = 0 the derivative is {@code alpha}, the left slope, as in PyTorch.
 */
public final class LeakyRelu extends ElementwiseActivation {

    /** The course's value for the negative slope. */
    public static final double DEFAULT_ALPHA = 0.01;

    private final double alpha;

    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    private LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public Parameters parameters() {
        return Parameters.of("alpha", alpha);
    }

    @Override
    public LeakyRelu withParameters(Parameters values) {
        double value = values.get("alpha");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("alpha must be a finite number ≥ 0, got " + Parameters.format(value));
        }
        return new LeakyRelu(value);
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : alpha * z; // alpha * NaN is NaN
    }

    @Override
    public double derivative(double z, double out) {
        if (Double.isNaN(z)) {
            return z;
        }
        return z > 0 ? 1 : alpha;
    }

    /** He initialisation, as for relu: the negative side is nearly flat. */
    @Override
    public WeightInit preferredInit() {
        return WeightInit.HE;
    }
}
