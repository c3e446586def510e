package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code sgd}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class SgdTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new Sgd();
    }

    @Test
    void stepMovesEachWeightByLrTimesItsGradient() {
        var sgd = new Sgd().withParameters(Parameters.of("lr", 0.1));
        float[] after = Steps.run(sgd, new float[] {1, -2, 0.5f, 0}, new float[] {0.5f, -1, 0, 4});
        // 1 − 0.1·0.5, −2 − 0.1·(−1), 0.5 − 0.1·0, 0 − 0.1·4
        assertArrayEquals(new float[] {0.95f, -1.9f, 0.5f, -0.4f}, after, 1e-7f, "w − lr·g");
    }

    @Test
    void keepsNoState() {
        assertEquals(0, new Sgd().stateSize(1000), "sgd needs no state");
    }

    @Test
    void defaultLearningRateIs0point01() {
        assertEquals(0.01, new Sgd().learningRate(), "sgd's default lr");
    }
}
