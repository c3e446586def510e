package io.sinapse.core;

import io.sinapse.api.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseTest {

    @Test
    void customerNeuronWeightedSumIs48() {
        // The course: portfolio monitoring 50, credit analysis 20, client active 20; weights 0.5, 0.4, 0.7; bias 1.
        Dense neuron = new Dense(3, 1);
        neuron.weights().set(new float[]{0.5f, 0.4f, 0.7f});
        neuron.bias().set(new float[]{1f});
        float[] z = neuron.forward(new float[]{50, 20, 20}, 1, false);
        assertEquals(48f, z[0], 1e-5, "50·0.5 + 20·0.4 + 20·0.7 + 1 = 25 + 8 + 14 + 1 = 48");
    }

    /**
     * Backpropagation through Dense against central finite differences in double precision. The loss is
     * L = ½ Σ (x·W + b − t)², evaluated in double from the layer's float weights. L is quadratic in every weight,
     * so the central difference has no truncation error at all; what remains is double rounding, ~1e-16·|L|/h with
     * h = 1e-6, far below the 1e-4 relative tolerance, which is set by the float arithmetic of the analytic side
     * (sums of ≤ 5 products of values ≤ 3).
     */
    @Test
    void backwardMatchesFiniteDifferencesInDouble() {
        int rows = 5;
        int in = 4;
        int out = 3;
        SplittableRandom random = new SplittableRandom(3);
        Dense dense = new Dense(in, out);
        dense.initialize(WeightInit.GLOROT, random);
        float[] bias = new float[out];
        for (int j = 0; j < out; j++) {
            bias[j] = (float) random.nextDouble();
        }
        dense.bias().set(bias);
        float[] x = new float[rows * in];
        float[] t = new float[rows * out];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 4 - 2);
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) random.nextDouble();
        }

        float[] z = dense.forward(x, rows, true);
        double[] w = toDouble(dense.weights().value());
        double[] b = toDouble(dense.bias().value());
        double[] reference = forwardInDouble(x, w, b, rows, in, out);
        float[] gradZ = new float[rows * out];
        for (int i = 0; i < gradZ.length; i++) {
            assertEquals(reference[i], z[i], 1e-5, "forward output " + i);
            gradZ[i] = (float) (z[i] - t[i]);
        }
        float[] gradX = dense.backward(gradZ, rows, true);

        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double numeric = centralDifference(w, i, h, () -> loss(x, w, b, t, rows, in, out));
            assertRelative(numeric, dense.weights().gradient()[i], "∂L/∂W[" + i + "]");
        }
        for (int j = 0; j < b.length; j++) {
            double numeric = centralDifference(b, j, h, () -> loss(x, w, b, t, rows, in, out));
            assertRelative(numeric, dense.bias().gradient()[j], "∂L/∂b[" + j + "]");
        }
        double[] xd = toDouble(x);
        for (int i = 0; i < xd.length; i++) {
            double numeric = centralDifference(xd, i, h, () -> lossOfDoubleInput(xd, w, b, t, rows, in, out));
            assertRelative(numeric, gradX[i], "∂L/∂x[" + i + "]");
        }
    }

    @Test
    void firstLayerSkipsInputGradient() {
        Dense dense = new Dense(2, 2);
        dense.forward(new float[]{1, 2}, 1, true);
        assertNull(dense.backward(new float[]{1, 1}, 1, false));
        assertEquals(1f, dense.weights().gradient()[0], "∂L/∂w00 = x0·dz0 = 1");
        assertEquals(2f, dense.weights().gradient()[3], "∂L/∂w11 = x1·dz1 = 2");
    }

    @Test
    void initialisationStaysWithinItsLimit() {
        Dense dense = new Dense(100, 50);
        dense.initialize(WeightInit.HE, new SplittableRandom(1));
        double he = Math.sqrt(6.0 / 100);
        double max = 0;
        for (float w : dense.weights().value()) {
            max = Math.max(max, Math.abs(w));
        }
        assertTrue(max <= he && max > 0.9 * he, "He weights within ±" + he + ", largest " + max);
        dense.initialize(WeightInit.GLOROT, new SplittableRandom(1));
        double glorot = Math.sqrt(6.0 / 150);
        for (float w : dense.weights().value()) {
            assertTrue(Math.abs(w) <= glorot, "Glorot weight " + w + " within ±" + glorot);
        }
    }

    @Test
    void rejectsWrongSizes() {
        assertThrows(IllegalArgumentException.class, () -> new Dense(0, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dense(3, 1).weights().set(new float[]{1, 2}));
        assertTrue(e.getMessage().contains("3×1"), e.getMessage());
    }

    private static void assertRelative(double expected, float actual, String what) {
        double tolerance = 1e-4 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tolerance, what + ": finite difference " + expected + ", backprop " + actual);
    }

    private static double centralDifference(double[] values, int i, double h, java.util.function.DoubleSupplier f) {
        double saved = values[i];
        values[i] = saved + h;
        double plus = f.getAsDouble();
        values[i] = saved - h;
        double minus = f.getAsDouble();
        values[i] = saved;
        return (plus - minus) / (2 * h);
    }

    private static double loss(float[] x, double[] w, double[] b, float[] t, int rows, int in, int out) {
        return lossOfDoubleInput(toDouble(x), w, b, t, rows, in, out);
    }

    private static double lossOfDoubleInput(double[] x, double[] w, double[] b, float[] t, int rows, int in, int out) {
        double sum = 0;
        double[] z = forwardInDouble(x, w, b, rows, in, out);
        for (int i = 0; i < z.length; i++) {
            double d = z[i] - t[i];
            sum += 0.5 * d * d;
        }
        return sum;
    }

    private static double[] forwardInDouble(float[] x, double[] w, double[] b, int rows, int in, int out) {
        return forwardInDouble(toDouble(x), w, b, rows, in, out);
    }

    private static double[] forwardInDouble(double[] x, double[] w, double[] b, int rows, int in, int out) {
        double[] z = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                double sum = b[j];
                for (int p = 0; p < in; p++) {
                    sum += x[r * in + p] * w[p * out + j];
                }
                z[r * out + j] = sum;
            }
        }
        return z;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
