package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code nesterov}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class NesterovTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new Nesterov();
    }

    private final Nesterov nesterov = (Nesterov) new Nesterov().withParameters(Parameters.of("lr", 0.1));

    @Test
    void stepsUseTheGradientPlusTheLookAheadVelocity() {
        float[] after1 = Steps.run(nesterov, new float[] {1, -2}, new float[] {0.5f, -1});
        // v = g = [0.5, −1]; w −= 0.1·(g + 0.9·v) = 0.1·1.9·g = [0.095, −0.19]
        assertArrayEquals(new float[] {0.905f, -1.81f}, after1, 1e-6f, "first step moves by lr·(1 + μ)·g");

        float[] after2 = Steps.run(nesterov, new float[] {1, -2}, new float[] {0.5f, -1}, new float[] {1, 2});
        // v = 0.9·[0.5, −1] + [1, 2] = [1.45, 1.1]; g + 0.9·v = [2.305, 2.99]; w = [0.905 − 0.2305, −1.81 − 0.299]
        assertArrayEquals(new float[] {0.6745f, -2.109f}, after2, 1e-6f, "second step");
    }

    @Test
    void defaultsAndState() {
        assertEquals(0.01, new Nesterov().learningRate(), "default lr");
        assertEquals(0.9, new Nesterov().parameters().get("momentum"), "default momentum");
        assertEquals(4, new Nesterov().stateSize(4), "one velocity per weight");
    }
}
