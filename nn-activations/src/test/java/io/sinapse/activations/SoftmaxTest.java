package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SoftmaxTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Softmax();
    }

    private double[] forward(double[] z, int rows, int cols) {
        double[] out = new double[rows * cols];
        activation().forward(z, out, rows, cols);
        return out;
    }

    @Test
    void equalLogitsGiveAUniformDistribution() {
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, forward(new double[] {3, 3, 3, 3}, 1, 4),
                "softmax of four equal logits");
    }

    @Test
    void handComputedRow() {
        double e = Math.E;
        double sum = 1 + e + e * e;
        assertArrayEquals(new double[] {1 / sum, e / sum, e * e / sum}, forward(new double[] {0, 1, 2}, 1, 3), 1e-15,
                "softmax(0, 1, 2) = (1, e, e²) / (1 + e + e²)");
    }

    @Test
    void eachRowIsADistributionOfItsOwn() {
        double[] out = forward(new double[] {1, 2, 3, -1, 0, 5}, 2, 3);
        assertEquals(1.0, out[0] + out[1] + out[2], 1e-15, "row 0 sums to 1");
        assertEquals(1.0, out[3] + out[4] + out[5], 1e-15, "row 1 sums to 1");
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        assertArrayEquals(forward(new double[] {2, 1, 0}, 1, 3), forward(new double[] {1002, 1001, 1000}, 1, 3),
                1e-16, "softmax(1002, 1001, 1000) = softmax(2, 1, 0): the row's max is subtracted first");
    }

    @Test
    void handComputedBackward() {
        double[] out = forward(new double[] {0, 0}, 1, 2);
        double[] gradZ = new double[2];
        activation().backward(new double[] {0, 0}, out, new double[] {1, 0}, gradZ, 1, 2);
        assertArrayEquals(new double[] {0.25, -0.25}, gradZ,
                "y = (½, ½), g = (1, 0): gradZ_i = y_i (g_i − Σ g_j y_j) = (½ · ½, ½ · (−½))");
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("softmax");
    }
}
