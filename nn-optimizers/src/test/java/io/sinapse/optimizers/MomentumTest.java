package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code momentum}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class MomentumTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new Momentum();
    }

    private final Momentum momentum = (Momentum) new Momentum().withParameters(Parameters.of("lr", 0.1));

    @Test
    void firstStepIsPlainGradientDescentBecauseVelocityStartsAtZero() {
        float[] after = Steps.run(momentum, new float[] {1, -2}, new float[] {0.5f, -1});
        // v = 0.9·0 + g = [0.5, −1]; w = [1 − 0.05, −2 + 0.1]
        assertArrayEquals(new float[] {0.95f, -1.9f}, after, 1e-7f, "first step: v = g, w − lr·g");
    }

    @Test
    void velocityAccumulatesAndKeepsMovingWhenTheGradientVanishes() {
        float[] after2 = Steps.run(momentum, new float[] {1, -2}, new float[] {0.5f, -1}, new float[] {1, 2});
        // v = 0.9·[0.5, −1] + [1, 2] = [1.45, 1.1]; w = [0.95 − 0.145, −1.9 − 0.11]
        assertArrayEquals(new float[] {0.805f, -2.01f}, after2, 1e-6f, "second step: v = μv + g");

        float[] after3 = Steps.run(momentum, new float[] {1, -2}, new float[] {0.5f, -1}, new float[] {1, 2},
                new float[] {0, 0});
        // g = 0: v = 0.9·[1.45, 1.1] = [1.305, 0.99]; w = [0.805 − 0.1305, −2.01 − 0.099]
        assertArrayEquals(new float[] {0.6745f, -2.109f}, after3, 1e-6f, "third step, zero gradient: still moving");
    }

    @Test
    void defaultsAreTheCourses() {
        assertEquals(0.01, new Momentum().learningRate(), "default lr");
        assertEquals(0.9, new Momentum().parameters().get("momentum"), "the course's typical momentum");
        assertEquals(7, new Momentum().stateSize(7), "one velocity per weight");
    }
}
