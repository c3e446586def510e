package io.sinapse.api;

/**
 * What every provider has in common: a stable name, its parameters with their current values, and a way to
 * make a configured copy. Providers are immutable; {@link java.util.ServiceLoader} creates them with their
 * public no-argument constructor, which sets the defaults.
 *
 * @param <P> the service interface ({@link Activation}, {@link Loss}, {@link Optimizer}, {@link Regularizer})
 */
public interface Plugin<P extends Plugin<P>> {

    /** The stable id people use to ask for this provider, in lower snake case: {@code relu}, {@code leaky_relu}. */
    String name();

    /** Every parameter this provider accepts, with its current value (the defaults on a fresh instance). */
    default Parameters parameters() {
        return Parameters.NONE;
    }

    /**
     * A copy configured with {@code values}, which hold every declared parameter (the lookup fills in the
     * defaults). Throw {@link IllegalArgumentException} with the reason when a value is out of range.
     */
    @SuppressWarnings("unchecked")
    default P withParameters(Parameters values) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(name() + " takes no parameters, got " + values);
        }
        return (P) this;
    }

    /** The text that asks the lookup for an equal provider: {@code leaky_relu(alpha=0.02)} or {@code relu}. */
    default String spec() {
        Parameters parameters = parameters();
        return parameters.isEmpty() ? name() : name() + "(" + parameters + ")";
    }
}
