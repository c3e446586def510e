package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;
import io.sinapse.api.WeightInit;

/** The rectified linear unit, max(0, z). At the kink z = 0 it takes derivative 0, as PyTorch and Keras do. */
public final class Relu extends ElementwiseActivation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double apply(double z) {
        return Math.max(0, z); // Math.max keeps NaN
    }

    @Override
    public double derivative(double z, double out) {
        if (Double.isNaN(z)) {
            return z;
        }
        return z > 0 ? 1 : 0;
    }

    /** The float path, {@code max(z, 0)} in float: the same values, in a loop C2 compiles to vector max. */
    @Override
    public void forward(float[] z, float[] out, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(z[i], 0f); // Math.max keeps NaN, and max(-0, 0) is 0 as in double
        }
    }

    /** The float path: {@code gradOut · step(z)}, the same values as {@code gradOut · derivative(z)}. */
    @Override
    public void backward(float[] z, float[] out, float[] gradOut, float[] gradZ, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = gradOut[i] * step(z[i]);
        }
    }

    /**
     * relu'(z) in float without a branch, so the loop above vectorises: 1 for z &gt; 0, 0 for z ≤ 0, NaN for NaN.
     * Scaling by 2¹²⁷ twice lifts every positive float, even the smallest subnormal, to at least 1 (or +∞), and
     * leaves 0 and negatives at 0 or below; clamping to [0, 1] then gives exactly 1 or 0, and NaN stays NaN.
     */
    private static float step(float z) {
        return Math.min(Math.max(z * 0x1p127f * 0x1p127f, 0f), 1f);
    }

    /** He initialisation: relu zeroes half of its inputs, which Glorot's variance does not account for. */
    @Override
    public WeightInit preferredInit() {
        return WeightInit.HE;
    }
}
