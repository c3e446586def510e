package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code rmsprop}: divides each step by a moving root mean square of recent gradients, as
 * {@code torch.optim.RMSprop(lr, alpha, eps)}:
 *
 * <pre>
 *   s = α·s + (1 − α)·g²
 *   w = w − lr·g / (√s + ε)
 * </pre>
 *
 * <p>Parameters: {@code lr} (default 0.01, &gt; 0), {@code alpha} α, the decay PyTorch calls alpha and Keras rho
 * (default 0.99, in [0, 1)), {@code eps} ε (default 1e-8, &gt; 0). State: {@code s}, one float per weight.
 */
public final class RmsProp extends AbstractOptimizer {

    static final Parameters DEFAULTS = Parameters.of("lr", 0.01).and("alpha", 0.99).and("eps", 1e-8);

    private final double alpha;
    private final double eps;

    /** RMSprop with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public RmsProp() {
        this(DEFAULTS);
    }

    private RmsProp(Parameters parameters) {
        super("rmsprop", parameters);
        this.alpha = fraction("alpha");
        this.eps = positive("eps");
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new RmsProp(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return parameterCount;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        // In float, in the order of PyTorch's float32 kernels (square_avg.mul_(α).addcmul_(g, g, 1 − α), then
        // param.addcdiv_(g, sqrt + ε, −lr)): a loop C2 vectorises, where the double one took ~3.6 ns a weight.
        float decay = (float) alpha;
        float rest = (float) (1 - alpha);
        float rate = (float) learningRate;
        float epsilon = (float) eps;
        for (int i = from; i < to; i++) {
            float gradient = grads[i];
            float meanSquare = state[i] * decay + rest * gradient * gradient;
            state[i] = meanSquare;
            params[i] = params[i] - rate * (gradient / ((float) Math.sqrt(meanSquare) + epsilon));
        }
    }
}
