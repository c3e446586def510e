package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code adam}: adaptive moment estimation, momentum and RMSprop together, as
 * {@code torch.optim.Adam(lr, betas=(beta1, beta2), eps)}. At step t (1-based):
 *
 * <pre>
 *   m = β₁·m + (1 − β₁)·g          moving mean of the gradients
 *   v = β₂·v + (1 − β₂)·g²         moving mean of their squares
 *   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   bias corrections: m and v start at 0
 *   w = w − lr·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>So the first step moves each weight by about {@code lr} against the sign of its gradient, whatever the
 * gradient's size. The bias corrections are computed in double with {@link Math#pow}.
 *
 * <p>Parameters: {@code lr} (default 0.001, the course's value, &gt; 0), {@code beta1} (default 0.9, in [0, 1)),
 * {@code beta2} (default 0.999, in [0, 1)), {@code eps} (default 1e-8, &gt; 0). State: {@code 2·n} floats,
 * {@code m} in the first n and {@code v} in the next n.
 */
public final class Adam extends AbstractOptimizer {

    static final Parameters DEFAULTS =
            Parameters.of("lr", 0.001).and("beta1", 0.9).and("beta2", 0.999).and("eps", 1e-8);

    private final double beta1;
    private final double beta2;
    private final double eps;

    /** Adam with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public Adam() {
        this(DEFAULTS);
    }

    private Adam(Parameters parameters) {
        super("adam", parameters);
        this.beta1 = fraction("beta1");
        this.beta2 = fraction("beta2");
        this.eps = positive("eps");
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new Adam(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return 2 * parameterCount;
    }

    @Override
    public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
        checkUpdate(params, grads, state, count, step, learningRate);
        step(params, grads, state, count, step, learningRate, beta1, beta2, eps, 1);
    }

    /**
     * One Adam step, shared with {@link AdamW}: each weight is first multiplied by {@code keep} (1 for Adam,
     * {@code 1 − lr·weight_decay} for AdamW), then moved by the Adam update.
     */
    static void step(float[] params, float[] grads, float[] state, int count, long step, double learningRate,
                     double beta1, double beta2, double eps, double keep) {
        double stepSize = learningRate / (1 - Math.pow(beta1, step));
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2, step));
        for (int i = 0; i < count; i++) {
            double gradient = grads[i];
            float mean = (float) (beta1 * state[i] + (1 - beta1) * gradient);
            float meanSquare = (float) (beta2 * state[count + i] + (1 - beta2) * gradient * gradient);
            state[i] = mean;
            state[count + i] = meanSquare;
            double denominator = Math.sqrt(meanSquare) / sqrtCorrection2 + eps;
            params[i] = (float) (params[i] * keep - stepSize * mean / denominator);
        }
    }
}
