package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    @Test
    void trainingDropsAboutRateOfTheValuesAndScalesTheRestByOneOverKeep() {
        int rows = 1000;
        int size = 100;
        Dropout dropout = new Dropout(size, 0.3, 5);
        float[] out = dropout.forward(ones(rows * size), rows, true);
        int dropped = 0;
        double sum = 0;
        for (float v : out) {
            assertTrue(v == 0f || v == (float) (1 / 0.7), "each value is 0 or 1/(1 − 0.3), got " + v);
            dropped += v == 0f ? 1 : 0;
            sum += v;
        }
        int n = rows * size;
        // Binomial(100 000, 0.3): standard deviation 145, so 1 000 is about 7 of them.
        assertEquals(0.3 * n, dropped, 1000, "dropped values");
        // Inverted dropout keeps the expected value: the mean stays near 1.
        assertEquals(1.0, sum / n, 0.01, "mean of the outputs of an input of ones");
    }

    @Test
    void inferenceIsTheIdentity() {
        Dropout dropout = new Dropout(3, 0.5, 1);
        float[] input = {1, 2, 3, 4, 5, 6};
        assertSame(input, dropout.forward(input, 2, false), "no copy, no change at inference");
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, input);
        float[] grad = {1, 1, 1, 1, 1, 1};
        assertSame(grad, dropout.backward(grad, 2, true), "the gradient passes through unchanged");
    }

    @Test
    void backwardMultipliesTheGradientByTheSameMask() {
        Dropout dropout = new Dropout(4, 0.5, 9);
        float[] input = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] out = dropout.forward(input, 2, true).clone();
        float[] mask = dropout.lastMask(2);
        float[] gradOut = {.1f, .2f, .3f, .4f, .5f, .6f, .7f, .8f};
        float[] gradIn = dropout.backward(gradOut, 2, true);
        for (int i = 0; i < 8; i++) {
            assertEquals(input[i] * mask[i], out[i], "out = in · mask at " + i);
            assertEquals(gradOut[i] * mask[i], gradIn[i], "∂out/∂in = mask at " + i);
        }
        boolean someDropped = false;
        boolean someKept = false;
        for (float m : mask) {
            someDropped |= m == 0;
            someKept |= m == 2;
        }
        assertTrue(someDropped && someKept, "with 8 values at rate 0.5 this seed drops some and keeps some");
    }

    @Test
    void theSameSeedGivesTheSameMasks() {
        float[] input = ones(50);
        Dropout a = new Dropout(10, 0.4, 77);
        Dropout b = new Dropout(10, 0.4, 77);
        for (int batch = 0; batch < 3; batch++) {
            assertArrayEquals(a.forward(input, 5, true), b.forward(input, 5, true), "batch " + batch);
        }
        Dropout c = new Dropout(10, 0.4, 78);
        a.reseed(77);
        assertFalse(java.util.Arrays.equals(a.forward(input, 5, true), c.forward(input, 5, true)),
                "another seed, another mask");
    }

    /** Skipping whole epochs lands on the masks that drawing them gives: what resuming a training run relies on. */
    @Test
    void skippingEpochsGivesTheMasksThatDrawingThemGives() {
        int rows = 7;
        float[] input = new float[rows * 5];
        java.util.Arrays.fill(input, 1f);
        Dropout drawn = new Dropout(5, 0.3, 9);
        for (int epoch = 0; epoch < 3; epoch++) {
            drawn.forward(input, 4, true); // an epoch of 7 rows in batches of 4 and 3
            drawn.forward(input, 3, true);
        }
        drawn.forward(input, 4, true);
        Dropout skipped = new Dropout(5, 0.3, 9);
        skipped.forward(input, 2, true); // where it was before does not matter: the position counts from the seed
        skipped.skipEpochs(3, rows);
        skipped.forward(input, 4, true);
        assertArrayEquals(drawn.lastMask(4), skipped.lastMask(4), "the first mask of epoch 4");
        Dropout oneShort = new Dropout(5, 0.3, 9);
        oneShort.skipEpochs(2, rows);
        oneShort.forward(input, 4, true);
        assertFalse(java.util.Arrays.equals(drawn.lastMask(4), oneShort.lastMask(4)),
                "epoch 3's first mask differs from epoch 4's, or this test would prove nothing");
    }

    @Test
    void networkBuilderSeedsDropoutFromTheNetworkSeedWithoutChangingTheWeights() {
        Network plain = Network.builder(3).dense(8, "tanh").dense(1).seed(4).build();
        Network withDropout = Network.builder(3).dense(8, "tanh").dropout(0.5).dense(1).seed(4).build();
        Network again = Network.builder(3).dense(8, "tanh").dropout(0.5).dense(1).seed(4).build();
        for (int t = 0; t < plain.parameters().size(); t++) {
            assertArrayEquals(plain.parameters().get(t).value(), withDropout.parameters().get(t).value(),
                    "tensor " + t + ": dropout takes its seeds from a stream of its own");
        }
        assertEquals("Dropout(rate=0.5)", withDropout.layers().get(2).describe());
        float[] x = new float[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 6f - 1;
        }
        assertArrayEquals(withDropout.forward(x, 4, true).clone(), again.forward(x, 4, true).clone(),
                "same network seed, same dropout masks");
        assertArrayEquals(plain.predict(x, 4), withDropout.predict(x, 4), "inference ignores dropout");
    }

    @Test
    void backpropagationThroughDropoutMatchesFiniteDifferences() {
        // Linear 3 → 4, dropout 0.5, linear 4 → 1, loss ½Σ(out − y)² computed here in double. The mask is fixed by
        // reseeding before every forward pass, so the loss is a smooth function of the weights.
        Network network = Network.builder(3).dense(4).dropout(0.5).dense(1).seed(2).build();
        Dropout dropout = (Dropout) network.layers().get(1);
        long seed = dropout.seed();
        SplittableRandom random = new SplittableRandom(6);
        int rows = 5;
        float[] x = new float[rows * 3];
        float[] y = new float[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            y[i] = (float) random.nextGaussian();
        }
        dropout.reseed(seed);
        float[] out = network.forward(x, rows, true);
        float[] grad = new float[rows];
        for (int i = 0; i < rows; i++) {
            grad[i] = out[i] - y[i];
        }
        network.backward(grad, rows, network.layers().size());
        Tensor first = network.parameters().get(0);
        float[] analytic = first.gradient().clone();
        float h = 1e-2f;
        for (int i = 0; i < first.size(); i++) {
            float w = first.value()[i];
            first.value()[i] = w + h;
            double up = halfSquaredError(network, dropout, seed, x, y, rows);
            first.value()[i] = w - h;
            double down = halfSquaredError(network, dropout, seed, x, y, rows);
            first.value()[i] = w;
            // The loss is quadratic in each weight, so central differences are exact up to float rounding.
            assertEquals((up - down) / (2 * h), analytic[i], 1e-3, "∂loss/∂w" + i + " of the first layer");
        }
    }

    private static double halfSquaredError(Network network, Dropout dropout, long seed, float[] x, float[] y, int rows) {
        dropout.reseed(seed);
        float[] out = network.forward(x, rows, true);
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += 0.5 * Math.pow(out[i] - y[i], 2);
        }
        return sum;
    }

    @Test
    void ratesOutsideZeroToOneAreRefused() {
        for (double rate : new double[]{-0.1, 1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(4, rate, 1));
            assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Network.builder(2).dense(3).dropout(rate));
        }
    }
}
