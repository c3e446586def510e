package io.sinapse.api;

/**
 * A penalty on the size of weights, added to the loss to fight overfitting (L1, L2, elastic net).
 * Float fast path and double reference path, as in {@link Activation}; no allocation, no state.
 */
public interface Regularizer extends Plugin<Regularizer> {

    /** The penalty of the first {@code count} weights. */
    double penalty(float[] weights, int count);

    /** Adds ∂penalty/∂w to {@code grads}, for the first {@code count} weights. */
    void addGradient(float[] weights, float[] grads, int count);

    /** Reference-precision twin of {@link #penalty(float[], int)}. */
    double penalty(double[] weights, int count);

    /** Reference-precision twin of {@link #addGradient(float[], float[], int)}. */
    void addGradient(double[] weights, double[] grads, int count);
}
