package io.sinapse.api;

/**
 * An activation function applied to a batch of pre-activations {@code z} (row-major, {@code rows × cols}).
 *
 * <p>Each method comes twice: over {@code float[]}, the fast path training uses, and over {@code double[]},
 * the reference path that gradient checks by finite differences run on. Both must compute the same function.
 * Arrays may be longer than {@code rows * cols}; only that prefix is read or written. Implementations must not
 * allocate per call and must keep no state between calls, so one instance serves every layer and thread.
 *
 * <p>Element-wise functions extend {@link ElementwiseActivation} and write only f(z) and f'(z). Row-wise ones,
 * like softmax, implement this interface directly.
 */
public interface Activation extends Plugin<Activation> {

    /** {@code out = f(z)}. */
    void forward(float[] z, float[] out, int rows, int cols);

    /**
     * The chain rule through this function: {@code gradZ = (∂out/∂z)ᵀ · gradOut}, given {@code z},
     * {@code out = f(z)} and {@code gradOut = ∂loss/∂out}. {@code gradZ} may be the same array as {@code gradOut}.
     */
    void backward(float[] z, float[] out, float[] gradOut, float[] gradZ, int rows, int cols);

    /** Reference-precision twin of {@link #forward(float[], float[], int, int)}. */
    void forward(double[] z, double[] out, int rows, int cols);

    /** Reference-precision twin of {@link #backward(float[], float[], float[], float[], int, int)}. */
    void backward(double[] z, double[] out, double[] gradOut, double[] gradZ, int rows, int cols);

    /** The initialisation that suits a layer feeding this function; Glorot unless overridden. */
    default WeightInit preferredInit() {
        return WeightInit.GLOROT;
    }
}
