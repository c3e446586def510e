package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * {@code adamw}: Adam with decoupled weight decay, as
 * {@code torch.optim.AdamW(lr, betas=(beta1, beta2), eps, weight_decay)}: before the {@link Adam} step, each weight
 * shrinks by {@code w = w − lr·weight_decay·w}. Unlike an L2 penalty added to the gradient, the decay does not
 * pass through Adam's division by {@code √v̂}, so every weight decays at the same rate.
 *
 * <p>Parameters: {@code lr} (default 0.001, &gt; 0), {@code beta1} (default 0.9, in [0, 1)), {@code beta2}
 * (default 0.999, in [0, 1)), {@code eps} (default 1e-8, &gt; 0), {@code weight_decay} (default 0.01, &gt;= 0).
 * State: {@code 2·n} floats, as Adam.
 */
public final class AdamW extends AbstractOptimizer {

    static final Parameters DEFAULTS = Parameters.of("lr", 0.001).and("beta1", 0.9).and("beta2", 0.999)
            .and("eps", 1e-8).and("weight_decay", 0.01);

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    /** AdamW with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public AdamW() {
        this(DEFAULTS);
    }

    private AdamW(Parameters parameters) {
        super("adamw", parameters);
        this.beta1 = fraction("beta1");
        this.beta2 = fraction("beta2");
        this.eps = positive("eps");
        this.weightDecay = nonNegative("weight_decay");
    }

    @Override
    public Optimizer withParameters(Parameters values) {
        return new AdamW(merge(values));
    }

    @Override
    public int stateSize(int parameterCount) {
        return 2 * parameterCount;
    }

    @Override
    void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
               double learningRate) {
        Adam.step(params, grads, state, count, from, to, step, learningRate, beta1, beta2, eps,
                1 - learningRate * weightDecay);
    }
}
