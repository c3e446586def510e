package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code momentum}: gradient descent with a velocity that remembers past gradients, as
 * {@code torch.optim.SGD(lr, momentum)}:
 *
 * <pre>
 *   v = μ·v + g        (v starts at 0, so the first step has v = g)
 *   w = w − lr·v
 * </pre>
 *
 * <p>The course writes it as {@code m = μ·m − lr·g; w = w + m}; with a constant learning rate that is the same
 * sequence of weights, {@code m = −lr·v}. Like PyTorch we keep {@code v}, so a learning-rate schedule scales the
 * whole step at once.
 *
 * <p>Parameters: {@code lr} (default 0.01, &gt; 0), {@code momentum} μ (default 0.9, the course's value, in [0, 1)).
 * State: {@code v}, one float per weight.
 */
public final class Momentum extends AbstractOptimizer {

    static final Parameters DEFAULTS = Parameters.of("lr", 0.01).and("momentum", 0.9);

    private final double momentum;

    /** Momentum with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public Momentum() {
        this(DEFAULTS);
    }

    private Momentum(Parameters parameters) {
        super("momentum", parameters);
        this.momentum = fraction("momentum");
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new Momentum(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return parameterCount;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        // In float, as PyTorch's buf.mul_(μ).add_(grad) and param.add_(buf, alpha=-lr): a loop C2 vectorises.
        float mu = (float) momentum;
        float rate = (float) learningRate;
        for (int i = from; i < to; i++) {
            float velocity = state[i] * mu + grads[i];
            state[i] = velocity;
            params[i] = params[i] - rate * velocity;
        }
    }
}
