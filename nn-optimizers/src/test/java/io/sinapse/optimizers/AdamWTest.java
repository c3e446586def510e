package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code adamw}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class AdamWTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new AdamW();
    }

    @Test
    void decaysEveryWeightByLrTimesWeightDecayThenTakesTheAdamStep() {
        var adamw = new AdamW().withParameters(Parameters.of("lr", 0.01).and("weight_decay", 0.1));
        float[] start = {2, -1, 0.5f};
        float[] g = {0.5f, -3, 0};
        // w·(1 − 0.01·0.1) = 0.999·w, then the first Adam step, lr·sign(g):
        // [1.998 − 0.01, −0.999 + 0.01, 0.4995 − 0]; the weight with no gradient still decays
        assertArrayEquals(new float[] {1.988f, -0.989f, 0.4995f}, Steps.run(adamw, start, g), 1e-6f, "first step");
    }

    @Test
    void withoutWeightDecayItIsAdam() {
        var adamw = new AdamW().withParameters(Parameters.of("weight_decay", 0));
        float[] start = {2, -1, 0.5f};
        float[] g1 = {0.5f, -3, 0};
        float[] g2 = {-0.25f, 1, 2};
        assertArrayEquals(Steps.run(new Adam(), start, g1, g2), Steps.run(adamw, start, g1, g2),
                "adamw(weight_decay=0)");
    }

    @Test
    void defaults() {
        var adamw = new AdamW();
        assertEquals(0.001, adamw.learningRate(), "lr");
        assertEquals(0.01, adamw.parameters().get("weight_decay"), "PyTorch's default weight decay");
        assertEquals(6, adamw.stateSize(3), "m and v for each weight");
    }
}
