package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code adagrad}: divides each step by the root of the sum of all squared gradients so far, so weights that
 * have moved a lot slow down, as {@code torch.optim.Adagrad(lr, eps)}:
 *
 * <pre>
 *   s = s + g²
 *   w = w − lr·g / (√s + ε)
 * </pre>
 *
 * <p>Parameters: {@code lr} (default 0.01, &gt; 0), {@code eps} ε (default 1e-10, &gt; 0). State: {@code s}, one
 * float per weight.
 */
public final class AdaGrad extends AbstractOptimizer {

    static final Parameters DEFAULTS = Parameters.of("lr", 0.01).and("eps", 1e-10);

    private final double eps;

    /** AdaGrad with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public AdaGrad() {
        this(DEFAULTS);
    }

    private AdaGrad(Parameters parameters) {
        super("adagrad", parameters);
        this.eps = positive("eps");
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new AdaGrad(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return parameterCount;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        // In float, in the order of PyTorch's float32 kernels (state_sum.addcmul_(g, g), then
        // param.addcdiv_(g, sqrt + ε, −lr)): a loop C2 vectorises, where the double one took ~3.6 ns a weight.
        float rate = (float) learningRate;
        float epsilon = (float) eps;
        for (int i = from; i < to; i++) {
            float gradient = grads[i];
            float sumOfSquares = state[i] + gradient * gradient;
            state[i] = sumOfSquares;
            params[i] = params[i] - rate * (gradient / ((float) Math.sqrt(sumOfSquares) + epsilon));
        }
    }
}
