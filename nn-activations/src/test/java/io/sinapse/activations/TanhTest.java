package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class TanhTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Tanh();
    }

    @Test
    void handComputedValues() {
        assertEquals(0.0, Values.forward(activation(), 0), "tanh(0)");
        assertEquals(1.0, Values.derivative(activation(), 0), "tanh'(0) = 1 − 0²");
        assertEquals(1.0, Values.forward(activation(), 30), "tanh(30) rounds to 1");
        assertEquals(-1.0, Values.forward(activation(), -30), "tanh(−30) rounds to −1");
    }

    /** The course: "a função tanh é uma versão escalonada da função sigmóide", tanh(z) = 2σ(2z) − 1. */
    @Test
    void isAScaledSigmoid() {
        Activation sigmoid = new Sigmoid();
        for (double z : new double[] {-3, -0.5, 0.25, 1, 4}) {
            assertEquals(2 * Values.forward(sigmoid, 2 * z) - 1, Values.forward(activation(), z), 1e-15,
                    "tanh(" + z + ") = 2σ(" + 2 * z + ") − 1");
        }
    }

    /**
     * The float path computes tanh through one exponential (or a series near 0): it must give what rounding
     * {@code Math.tanh} to float gives, within one float ulp, across the series' edge at 2⁻¹⁰, tiny and huge values,
     * and keep −0, ±1 at ±∞ and NaN.
     */
    @Test
    void floatPathIsMathTanhRoundedToFloat() {
        java.util.List<Float> zs = new java.util.ArrayList<>(java.util.List.of(0f, -0f, 1e-30f, -1e-7f, 3e-4f,
                0x1p-10f, Math.nextDown(0x1p-10f), Math.nextUp(0x1p-10f), -0x1p-10f, 0.5f, -1f, 3f, 9.5f, -20f,
                Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN));
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            zs.add((float) (Math.scalb(random.nextDouble(-1, 1), random.nextInt(-30, 6))));
        }
        float[] z = new float[zs.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = zs.get(i);
        }
        float[] out = new float[z.length];
        activation().forward(z, out, 1, z.length);
        for (int i = 0; i < z.length; i++) {
            float expected = (float) Math.tanh(z[i]);
            if (Float.isNaN(expected) || expected == 0f) {
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(out[i]), "tanh(" + z[i] + ")");
            } else {
                assertEquals(expected, out[i], Math.ulp(expected), "tanh(" + z[i] + ")");
            }
        }
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("tanh");
    }
}
