package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Optimizer;
import io.sinapse.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code rmsprop}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class RmsPropTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new RmsProp();
    }

    @Test
    void firstTwoStepsWithTheDefaults() {
        var rmsprop = new RmsProp(); // lr 0.01, alpha 0.99, eps 1e-8
        float[] start = {1, -2, 0.5f};
        float[] g = {0.5f, -4, 0};
        // s = 0.01·g², √s = 0.1·|g|: each weight moves by 0.01/0.1 = 0.1 against its gradient; g = 0 does not move
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.5f}, Steps.run(rmsprop, start, g), 1e-6f, "first step");
        // s = 0.99·0.01·g² + 0.01·g² = 0.0199·g²; step = 0.01/√0.0199 = 0.0708881205
        assertArrayEquals(new float[] {0.8291119f, -1.8291119f, 0.5f}, Steps.run(rmsprop, start, g, g), 1e-6f,
                "second step");
    }

    @Test
    void stateIsOneMeanSquarePerWeight() {
        assertEquals(3, new RmsProp().stateSize(3), "state size");
    }
}
