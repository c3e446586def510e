package io.sinapse.regularization;

import io.sinapse.api.Parameters;
import io.sinapse.api.Regularizer;

/**
 * {@code elastic_net}: L1 and L2 mixed by {@code r = l1_ratio}, as in scikit-learn:
 * penalty {@code λ·(r·Σ|w| + (1 − r)/2·Σw²)}, gradient {@code λ·(r·sign(w) + (1 − r)·w)}. {@code r = 1} is
 * {@code l1}, {@code r = 0} is {@code l2}; in between it zeroes useless weights like L1 while sharing the
 * weight among correlated inputs like L2. At {@code w = 0} the L1 part's subgradient is 0, as in {@link L1}.
 *
 * <p>Parameters: {@code lambda} λ (default 0.01, &gt;= 0), {@code l1_ratio} r (default 0.5, in [0, 1]).
 */
public final class ElasticNet extends AbstractRegularizer {

    static final Parameters DEFAULTS = Parameters.of("lambda", 0.01).and("l1_ratio", 0.5);

    private final double l1Ratio;

    /** Elastic net with its defaults; the lookup makes configured copies with {@link #withParameters}. */
    public ElasticNet() {
        this(DEFAULTS);
    }

    private ElasticNet(Parameters parameters) {
        super("elastic_net", parameters);
        this.l1Ratio = parameters.get("l1_ratio");
        if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new IllegalArgumentException("l1_ratio must be in [0, 1] (1 is l1, 0 is l2), got "
                    + Parameters.format(l1Ratio));
        }
    }

    @Override
    public Regularizer withParameters(Parameters values) {
        return new ElasticNet(merge(values));
    }

    @Override
    public double penalty(double w) {
        return lambda * (l1Ratio * Math.abs(w) + 0.5 * (1 - l1Ratio) * w * w);
    }

    @Override
    public double derivative(double w) {
        return lambda * (l1Ratio * Math.signum(w) + (1 - l1Ratio) * w);
    }
}
