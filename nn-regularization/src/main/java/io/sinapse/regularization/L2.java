package io.sinapse.regularization;

import io.sinapse.api.Parameters;
import io.sinapse.api.Regularizer;

/**
 * {@code l2}, ridge: penalty {@code (λ/2)·Σw²}, gradient {@code λ·w}. The pull is proportional to the weight,
 * so large weights shrink fast and small ones slowly, but none reaches exactly 0.
 *
 * <p>With plain gradient descent this is weight decay λ: {@code w − lr·(g + λw) = (1 − lr·λ)·w − lr·g}, the
 * update of {@code torch.optim.SGD(lr, weight_decay=λ)}. With adaptive optimizers (Adam) it is not, because the
 * added gradient is rescaled with the rest; {@code adamw} decays weights directly instead.
 *
 * <p>Parameters: {@code lambda} λ (default 0.01, &gt;= 0).
 */
public final class L2 extends AbstractRegularizer {

    static final Parameters DEFAULTS = Parameters.of("lambda", 0.01);

    /** L2 with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public L2() {
        this(DEFAULTS);
    }

    private L2(Parameters parameters) {
        super("l2", parameters);
    }

    @Override
    public Regularizer withParameters(Parameters values) {
        return new L2(merge(values));
    }

    @Override
    public double penalty(double w) {
        return 0.5 * lambda * w * w;
    }

    @Override
    public double derivative(double w) {
        return lambda * w;
    }
}
