package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code sgd}: plain gradient descent, {@code w -= lr·g}, as {@code torch.optim.SGD(lr)}. Keeps no state.
 *
 * <p>Parameters: {@code lr} (default 0.01, &gt; 0).
 */
public final class Sgd extends AbstractOptimizer {

    static final Parameters DEFAULTS = Parameters.of("lr", 0.01);

    /** Sgd with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public Sgd() {
        this(DEFAULTS);
    }

    private Sgd(Parameters parameters) {
        super("sgd", parameters);
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new Sgd(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return 0;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        float rate = (float) learningRate; // in float, as PyTorch's param.add_(grad, alpha=-lr): a vectorised loop
        for (int i = from; i < to; i++) {
            params[i] = params[i] - rate * grads[i];
        }
    }
}
