package io.sinapse.regularization;

import io.sinapse.api.Parameters;
import io.sinapse.api.Regularizer;

/**
 * {@code l1}, lasso: penalty {@code λ·Σ|w|}, gradient {@code λ·sign(w)}. The pull towards 0 has the same size
 * however small a weight is, so the less useful weights reach 0 and their inputs drop out of the model.
 *
 * <p>|w| has no derivative at 0; we use the subgradient 0 there (as {@code torch.sign} does), so a weight at 0
 * is left alone rather than pushed back and forth.
 *
 * <p>Parameters: {@code lambda} λ (default 0.01, &gt;= 0).
 */
public final class L1 extends AbstractRegularizer {

    static final Parameters DEFAULTS = Parameters.of("lambda", 0.01);

    /** L1 with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public L1() {
        this(DEFAULTS);
    }

    private L1(Parameters parameters) {
        super("l1", parameters);
    }

    @Override
    public Regularizer withParameters(Parameters values) {
        return new L1(merge(values));
    }

    @Override
    public double penalty(double w) {
        return lambda * Math.abs(w);
    }

    @Override
    public double derivative(double w) {
        return lambda * Math.signum(w);
    }
}
