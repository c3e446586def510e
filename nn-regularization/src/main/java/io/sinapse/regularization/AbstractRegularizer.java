package io.sinapse.regularization;

import io.sinapse.api.ElementwiseRegularizer;
import io.sinapse.api.Parameters;

/**
 * What the penalties here share: a name, parameters by key with range checks, and the strength {@code lambda}
 * (λ ≥ 0; 0 turns the penalty off) every one of them has.
 */
abstract class AbstractRegularizer extends ElementwiseRegularizer {

    private final String name;
    private final Parameters parameters;

    /** λ, read and checked for every subclass. */
    final double lambda;

    AbstractRegularizer(String name, Parameters parameters) {
        this.name = name;
        this.parameters = parameters;
        this.lambda = parameters.nonNegative("lambda");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Parameters parameters() {
        return parameters;
    }

    /**
     * This regularizer's parameters with those in {@code values} replaced: the lookup passes every parameter,
     * a direct caller may pass only the ones it changes. A name this regularizer does not take is an error.
     */
    final Parameters merge(Parameters values) {
        return parameters.with(values, name);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && parameters.equals(((AbstractRegularizer) other).parameters);
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + parameters.hashCode();
    }
}
