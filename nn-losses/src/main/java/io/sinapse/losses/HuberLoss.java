package io.sinapse.losses;

import io.sinapse.api.ElementwiseLoss;
import io.sinapse.api.Parameters;

/**
 * Quadratic for small errors and linear for large ones, as {@code torch.nn.HuberLoss}: with d = p − t,
 * {@code ½d²} where |d| ≤ delta and {@code delta·(|d| − ½delta)} beyond, averaged over all elements. The two pieces
 * meet with equal value and slope at |d| = delta, so the gradient is continuous and never larger than delta.
 */
public final class HuberLoss extends ElementwiseLoss {

    /** PyTorch's default. */
    public static final double DEFAULT_DELTA = 1.0;

    private final double delta;

    public HuberLoss() {
        this(DEFAULT_DELTA);
    }

    private HuberLoss(double delta) {
        this.delta = delta;
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public Parameters parameters() {
        return Parameters.of("delta", delta);
    }

    @Override
    public HuberLoss withParameters(Parameters values) {
        double value = values.get("delta");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("delta must be a finite number > 0, got " + Parameters.format(value));
        }
        return new HuberLoss(value);
    }

    @Override
    public double loss(double p, double t) {
        double size = Math.abs(p - t);
        return size <= delta ? 0.5 * size * size : delta * (size - 0.5 * delta);
    }

    @Override
    public double derivative(double p, double t) {
        double error = p - t;
        return Math.abs(error) <= delta ? error : delta * Math.signum(error);
    }
}
