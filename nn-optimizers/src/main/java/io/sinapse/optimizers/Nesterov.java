package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code nesterov}: momentum that looks ahead, as {@code torch.optim.SGD(lr, momentum, nesterov=True)}:
 *
 * <pre>
 *   v = μ·v + g
 *   w = w − lr·(g + μ·v)
 * </pre>
 *
 * <p>Parameters: {@code lr} (default 0.01, &gt; 0), {@code momentum} μ (default 0.9, in (0, 1): with μ = 0 this
 * would be plain SGD, and PyTorch refuses it too). State: {@code v}, one float per weight.
 */
public final class Nesterov extends AbstractOptimizer {

    static final Parameters DEFAULTS = Parameters.of("lr", 0.01).and("momentum", 0.9);

    private final double momentum;

    /** Nesterov with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public Nesterov() {
        this(DEFAULTS);
    }

    private Nesterov(Parameters parameters) {
        super("nesterov", parameters);
        this.momentum = fraction("momentum");
        if (momentum == 0) {
            throw new IllegalArgumentException("momentum must be > 0 for nesterov (with 0 it is sgd), got 0");
        }
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new Nesterov(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return parameterCount;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        // In float, as PyTorch's buf.mul_(μ).add_(grad), grad.add(buf, alpha=μ), param.add_(…, alpha=-lr).
        float mu = (float) momentum;
        float rate = (float) learningRate;
        for (int i = from; i < to; i++) {
            float gradient = grads[i];
            float velocity = state[i] * mu + gradient;
            state[i] = velocity;
            params[i] = params[i] - rate * (gradient + mu * velocity);
        }
    }
}
