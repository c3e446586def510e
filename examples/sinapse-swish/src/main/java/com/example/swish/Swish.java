package com.example.swish;

import io.sinapse.api.ElementwiseActivation;
import io.sinapse.api.Parameters;
import io.sinapse.api.WeightInit;

/**
 * Swish, {@code f(z) = z·σ(βz)} (Ramachandran, Zoph and Le, 2017), with {@code beta} = 1 by default, where it is
 * the SiLU of Elfwing et al. and PyTorch's {@code torch.nn.SiLU}. Smooth and non-monotonic: a little below zero for
 * negative inputs (its minimum is about −0.278 at z ≈ −1.278 when β = 1), close to relu for large |βz|, and the
 * straight line z/2 when β = 0.
 *
 * <p>Its derivative, written with {@code s = σ(βz)}, is {@code f'(z) = s + βz·s·(1 − s) = s·(1 + βz·(1 − s))}.
 */
public final class Swish extends ElementwiseActivation {

    /** The β of SiLU. */
    public static final double DEFAULT_BETA = 1;

    private final double beta;

    /** Swish with β = 1; the lookup calls this, then {@link #withParameters} for another β. */
    public Swish() {
        this(DEFAULT_BETA);
    }

    private Swish(double beta) {
        this.beta = beta;
    }

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public Parameters parameters() {
        return Parameters.of("beta", beta);
    }

    /** A copy with the β in {@code values}; β must be finite and ≥ 0. */
    @Override
    public Swish withParameters(Parameters values) {
        return new Swish(parameters().with(values, name()).nonNegative("beta"));
    }

    @Override
    public double apply(double z) {
        return z * sigmoid(beta * z);
    }

    @Override
    public double derivative(double z, double out) {
        double s = sigmoid(beta * z);
        return s * (1 + beta * z * (1 - s));
    }

    /** He initialisation, as for relu, which swish resembles. */
    @Override
    public WeightInit preferredInit() {
        return WeightInit.HE;
    }

    /**
     * σ(x) without overflow: {@code exp} is only ever taken of a value ≤ 0. NaN gives NaN (neither branch turns it
     * into a number), as the Sinapse NaN policy asks.
     */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
