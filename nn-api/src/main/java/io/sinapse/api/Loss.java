package io.sinapse.api;

import java.util.Optional;

/**
 * A loss function: how far a batch of predictions ({@code rows × cols}, row-major) is from its targets.
 *
 * <p>{@link #value} is the number training minimises (each loss states its reduction, e.g. the mean over all
 * elements for MSE, the mean over rows for cross-entropy) and {@link #gradient} must be its exact derivative with
 * respect to every prediction. As with {@link Activation}, a {@code float} fast path and a {@code double}
 * reference path compute the same thing; no allocation, no state.
 */
public interface Loss extends Plugin<Loss> {

    /** The loss of the batch. */
    double value(float[] predicted, float[] target, int rows, int cols);

    /** {@code grad = ∂value/∂predicted}. */
    void gradient(float[] predicted, float[] target, float[] grad, int rows, int cols);

    /**
     * The batch's {@link #value(float[], float[], int, int) value}, with its {@link #gradient(float[], float[],
     * float[], int, int) gradient} written to {@code grad} (which must not be {@code predicted}): what a training
     * step needs. By default the two calls; a loss whose value and gradient share work (cross-entropy's
     * exponentials) may do both in one pass, giving exactly what the two calls give.
     */
    default double valueAndGradient(float[] predicted, float[] target, float[] grad, int rows, int cols) {
        double value = value(predicted, target, rows, cols);
        gradient(predicted, target, grad, rows, cols);
        return value;
    }

    /** Reference-precision twin of {@link #value(float[], float[], int, int)}. */
    double value(double[] predicted, double[] target, int rows, int cols);

    /** Reference-precision twin of {@link #gradient(float[], float[], float[], int, int)}. */
    void gradient(double[] predicted, double[] target, double[] grad, int rows, int cols);

    /**
     * The output activation this loss absorbs, if any. Cross-entropy names {@code softmax}: it takes the
     * pre-activations (logits) and computes log-softmax itself, stably. When a network ends in that activation,
     * it hands this loss the pre-activations and skips the activation's backward pass.
     */
    default Optional<String> fusedActivation() {
        return Optional.empty();
    }
}
