package io.sinapse.activations;

import io.sinapse.api.ElementwiseActivation;

/** The hyperbolic tangent, into (−1, 1) and centred on 0; tanh'(z) = 1 − tanh²(z). */
public final class Tanh extends ElementwiseActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    /**
     * The float path: tanh through one {@code Math.exp}, which the JIT compiles to a fast intrinsic, instead of
     * {@code Math.tanh} (40 ns a value here). tanh|z| = (1 − e) / (1 + e) with e = e^(−2|z|) in (0, 1], the sign
     * put back; below |z| = 2⁻¹⁰, where 1 − e would cancel, the series z − z³/3 + 2z⁵/15, whose first omitted
     * term is 17z⁷/315 (a relative 5·10⁻²⁰). Both are within a few double ulps of tanh, far inside a float's.
     */
    @Override
    public void forward(float[] z, float[] out, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double x = z[i];
            double a = Math.abs(x);
            double t;
            if (a < 0x1p-10) {
                double x2 = x * x;
                t = x * (1 - x2 * (1.0 / 3 - x2 * (2.0 / 15)));
            } else {
                double e = Math.exp(-2 * a); // NaN stays NaN; ±∞ gives e = 0, so ±1
                t = Math.copySign((1 - e) / (1 + e), x);
            }
            out[i] = (float) t;
        }
    }

    @Override
    public double derivative(double z, double out) {
        return 1 - out * out;
    }
}
