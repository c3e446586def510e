package io.sinapse.core;

import java.util.List;

/**
 * One stage of a sequential network. Works on whole batches ({@code rows × size}, row-major) and owns its
 * output and input-gradient buffers, which it reuses from call to call: the arrays it returns stay valid until
 * its next call.
 */
public interface Layer {

    int inputSize();

    int outputSize();

    /** Computes this layer's output for {@code rows} input rows; remembers what backward will need. */
    float[] forward(float[] input, int rows, boolean training);

    /**
     * Inference on {@code rows} input rows: writes this layer's output into {@code output} (room for
     * {@code rows × outputSize()} values) and returns it, or returns {@code input} itself when the layer passes it
     * through unchanged (dropout). The layers of this package touch none of their own buffers here, so several
     * threads may infer at once, each on its own rows and arrays. This default, for layers written elsewhere, runs
     * {@link #forward} one thread at a time and copies its result.
     */
    default float[] infer(float[] input, int rows, float[] output) {
        synchronized (this) {
            System.arraycopy(forward(input, rows, false), 0, output, 0, rows * outputSize());
        }
        return output;
    }

    /**
     * Given ∂loss/∂output for the batch of the last forward call, fills the gradients of this layer's parameters
     * and returns ∂loss/∂input (or {@code null} when {@code needInputGradient} is false, as for the first layer).
     */
    float[] backward(float[] gradOutput, int rows, boolean needInputGradient);

    /** The trainable tensors (none for an activation layer). */
    default List<Tensor> parameters() {
        return List.of();
    }

    /** One line for summaries, e.g. {@code Dense(3 → 2)} or {@code Activation(relu)}. */
    String describe();
}
