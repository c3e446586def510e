package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * What the optimizers here share: a name, parameters by key with a range check each, the {@code lr} every one
 * of them has, the argument checks of {@link #update}, and updates in parts: each value's update here depends only on
 * its own gradient and state, so a subclass writes one loop over a range of values ({@link #apply}). Subclasses read their other parameters in their
 * constructor with {@link #positive}, {@link #fraction} and {@link #nonNegative}, which throw
 * {@link IllegalArgumentException} with the reason when a value is out of range.
 */
abstract class AbstractOptimizer implements Optimizer {

    private final String name;
    private final Parameters parameters;
    private final double learningRate;

    AbstractOptimizer(String name, Parameters parameters) {
        this.name = name;
        this.parameters = parameters;
        this.learningRate = positive("lr");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Parameters parameters() {
        return parameters;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    /**
     * This optimizer's parameters with those in {@code values} replaced: the lookup passes every parameter,
     * a direct caller may pass only the ones it changes. A name this optimizer does not take is an error.
     */
    final Parameters merge(Parameters values) {
        return parameters.with(values, name);
    }

    /** The value of {@code key}, which must be finite and greater than 0. */
    final double positive(String key) {
        return parameters.positive(key);
    }

    /** The value of {@code key}, which must be finite and at least 0. */
    final double nonNegative(String key) {
        return parameters.nonNegative(key);
    }

    /**
     * The value of {@code key}, a decay rate in [0, 1): at 1 or more what it scales never fades and the steps
     * grow without bound.
     */
    final double fraction(String key) {
        return parameters.fraction(key);
    }

    @Override
    public final void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
        checkUpdate(params, grads, state, count, step, learningRate);
        apply(params, grads, state, count, 0, count, step, learningRate);
    }

    @Override
    public final boolean updatesInParts() {
        return true;
    }

    @Override
    public final void updatePart(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
                                 double learningRate) {
        checkUpdate(params, grads, state, count, step, learningRate);
        if (from < 0 || from > to || to > count) {
            throw new IllegalArgumentException("The part must satisfy 0 <= from <= to <= count (" + count + "), got "
                    + from + " … " + to);
        }
        apply(params, grads, state, count, from, to, step, learningRate);
    }

    /**
     * The update of values {@code from … to-1} of a tensor of {@code count} (state laid out for all {@code count}),
     * arguments already checked.
     */
    abstract void apply(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
                        double learningRate);

    /**
     * Checks the arguments of {@link #update}; allocates only to report a bad one. {@code state} may be
     * {@code null} when {@link #stateSize} is 0. The learning rate of a step may be 0, where a schedule starts a
     * warm-up or ends an annealing (PyTorch allows it too); only the configured {@code lr} must be positive.
     */
    final void checkUpdate(float[] params, float[] grads, float[] state, int count, long step, double rate) {
        if (count < 0 || count > params.length || count > grads.length) {
            throw new IllegalArgumentException("count must be in [0, " + Math.min(params.length, grads.length)
                    + "] (the lengths of params and grads), got " + count);
        }
        int needed = stateSize(count);
        if (needed > 0 && (state == null || state.length < needed)) {
            throw new IllegalArgumentException(name + " needs a state of stateSize(" + count + ") = " + needed
                    + " floats, got " + (state == null ? "null" : state.length + ""));
        }
        if (step < 1) {
            throw new IllegalArgumentException("step is 1-based: 1 for the first update, got " + step);
        }
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learningRate must be >= 0, got " + rate);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && parameters.equals(((AbstractOptimizer) other).parameters);
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + parameters.hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
