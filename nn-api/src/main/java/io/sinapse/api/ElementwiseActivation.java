package io.sinapse.api;

/**
 * Base for activations applied to each value on its own: write {@link #apply} and {@link #derivative}, and the
 * batch methods of {@link Activation} follow.
 */
public abstract class ElementwiseActivation implements Activation {

    /** f(z). */
    public abstract double apply(double z);

    /** f'(z), given also {@code out = f(z)}, which some functions (sigmoid, tanh) reuse. */
    public abstract double derivative(double z, double out);

    @Override
    public void forward(float[] z, float[] out, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            out[i] = (float) apply(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] out, float[] gradOut, float[] gradZ, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = (float) (gradOut[i] * derivative(z[i], out[i]));
        }
    }

    @Override
    public void forward(double[] z, double[] out, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            out[i] = apply(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] out, double[] gradOut, double[] gradZ, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = gradOut[i] * derivative(z[i], out[i]);
        }
    }

    @Override
    public String toString() {
        return spec();
    }
}
