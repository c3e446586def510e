package io.sinapse.api;

/**
 * Base for penalties that are a sum over weights of a per-weight term: write {@link #penalty(double)} and
 * {@link #derivative(double)}, and the array methods of {@link Regularizer} follow.
 */
public abstract class ElementwiseRegularizer implements Regularizer {

    /** The penalty of one weight. */
    public abstract double penalty(double w);

    /** Its derivative (a subgradient where it has none, e.g. 0 for |w| at 0). */
    public abstract double derivative(double w);

    @Override
    public double penalty(float[] weights, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += penalty(weights[i]);
        }
        return sum;
    }

    @Override
    public void addGradient(float[] weights, float[] grads, int count) {
        for (int i = 0; i < count; i++) {
            grads[i] += (float) derivative(weights[i]);
        }
    }

    @Override
    public double penalty(double[] weights, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += penalty(weights[i]);
        }
        return sum;
    }

    @Override
    public void addGradient(double[] weights, double[] grads, int count) {
        for (int i = 0; i < count; i++) {
            grads[i] += derivative(weights[i]);
        }
    }

    @Override
    public String toString() {
        return spec();
    }
}
