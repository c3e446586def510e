package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Loss;
import io.sinapse.testkit.LossContract;
import io.sinapse.testkit.Samples;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryCrossEntropyTest implements LossContract {

    @Override
    public Loss loss() {
        return new BinaryCrossEntropy();
    }

    /** Probabilities, kept away from the clamp at 1e-7 and 1 − 1e-7. */
    @Override
    public double[] predictions(Random random, int rows, int cols) {
        return Samples.uniform(random, rows * cols, 0.02, 0.98);
    }

    @Override
    public double[] targets(Random random, int rows, int cols) {
        return Samples.binary(random, rows * cols);
    }

    /** Soft targets inside (0, 1), where p = t is a true minimum with room to move either way. */
    @Override
    public double[] minimumTargets(Random random, int rows, int cols) {
        return Samples.uniform(random, rows * cols, 0.1, 0.9);
    }

    /** The minimum, at p = t, is the entropy of t, not 0. */
    @Override
    public boolean zeroAtMinimum() {
        return false;
    }

    @Test
    void handComputedValues() {
        assertEquals(Math.log(2), Values.value(loss(), new double[] {0.5}, new double[] {1}, 1, 1), 1e-16,
                "−log 0.5");
        assertEquals(-Math.log(0.2), Values.value(loss(), new double[] {0.8}, new double[] {0}, 1, 1), 1e-15,
                "−log(1 − 0.8)");
        assertArrayEquals(new double[] {-2}, Values.gradient(loss(), new double[] {0.5}, new double[] {1}, 1, 1),
                1e-15, "(p − t) / (p(1 − p)) = −0.5 / 0.25");
    }

    @Test
    void certainWrongPredictionsAreClampedToAFiniteCostWithZeroGradient() {
        double cost = -Math.log(1e-7);
        assertEquals(cost, Values.value(loss(), new double[] {0}, new double[] {1}, 1, 1), 1e-12,
                "p = 0 for t = 1 costs −log(1e-7), not infinity");
        assertEquals(cost, Values.value(loss(), new double[] {1}, new double[] {0}, 1, 1), 1e-8,
                "p = 1 for t = 0 costs −log(1 − (1 − 1e-7))");
        assertArrayEquals(new double[] {0, 0}, Values.gradient(loss(), new double[] {0, 1}, new double[] {1, 0}, 1, 2),
                "the clamped value does not change with p, so its derivative is 0 there");
        float[] grad = new float[1];
        loss().gradient(new float[] {1f}, new float[] {0f}, grad, 1, 1);
        assertEquals(0f, grad[0], "float path clamps the same way");
    }

    @Test
    void matchesPyTorchInsideTheClamp() {
        PyTorchFixture.assertMatches("binary_cross_entropy");
    }
}
