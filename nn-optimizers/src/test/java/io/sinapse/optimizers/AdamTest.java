package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Optimizer;
import io.sinapse.testkit.OptimizerContract;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code adam}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class AdamTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new Adam();
    }

    private final Adam adam = new Adam(); // lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8

    @Test
    void firstStepMovesEachWeightByAboutLrAgainstTheSignOfItsGradient() {
        float[] start = {1, 1, 1, 1, 1};
        float[] g = {0.5f, -3, 1e-3f, 0, -1e-6f};
        // m̂ = g, v̂ = g², so the step is lr·g/(|g| + eps): lr·sign(g) unless |g| is near eps.
        // For g = −1e-6 it is 0.001·1e-6/(1e-6 + 1e-8) = 0.000990099; g = 0 does not move.
        float[] expected = {0.999f, 1.001f, 0.999f, 1, 1.000990099f};
        assertArrayEquals(expected, Steps.run(adam, start, g), 1e-7f, "first Adam step");
    }

    @Test
    void biasCorrectionKeepsTheStepAtLrForAConstantGradient() {
        float[] start = {1, 1};
        float[] g = {0.5f, -3};
        // step 2: m = 0.19·g, m̂ = 0.19·g/(1 − 0.81) = g; v = 0.001999·g², v̂ = 0.001999·g²/(1 − 0.998001) = g²
        assertArrayEquals(new float[] {0.998f, 1.002f}, Steps.run(adam, start, g, g), 2e-7f, "two steps");
        assertArrayEquals(new float[] {0.995f, 1.005f}, Steps.run(adam, start, g, g, g, g, g), 5e-7f, "five steps");
    }

    /**
     * The update on whole vectors and the scalar loop give the same bits: random weights, gradients (some 0, some
     * tiny, some huge) and state over 20 steps, for tensors that fill no vector, end mid-vector or are the first
     * layer's size, updated whole or in parts that start mid-vector, for Adam (keep 1) and AdamW (keep below 1).
     */
    @ParameterizedTest(name = "{0} weights, parts of {1}, keep {2}")
    @CsvSource({"1,1,1", "7,7,1", "17,17,1", "33,10,1", "1000,999,1",
        "200704,70000,1", "1001,256,0.99999"})
    void wholeVectorsGiveTheScalarLoopsBits(int count, int part, double keep) {
        assertTrue(Adam.VECTOR_API, "the Vector API resolves on the module path, so Adam uses it");
        SplittableRandom random = new SplittableRandom(count);
        float[] scalarWeights = new float[count];
        float[] gradients = new float[count];
        for (int i = 0; i < count; i++) {
            scalarWeights[i] = (float) random.nextDouble(-1, 1);
        }
        float[] vectorWeights = scalarWeights.clone();
        float[] scalarState = new float[2 * count];
        float[] vectorState = new float[2 * count];
        for (int step = 1; step <= 20; step++) {
            for (int i = 0; i < count; i++) {
                double scale = new double[]{0, 1e-30, 1e-6, 1, 1e20}[random.nextInt(5)];
                gradients[i] = (float) (random.nextDouble(-1, 1) * scale);
            }
            for (int from = 0; from < count; from += part) {
                int to = Math.min(count, from + part);
                Adam.step(scalarWeights, gradients, scalarState, count, from, to, step, 0.01, 0.9, 0.999, 1e-8, keep,
                        false);
                Adam.step(vectorWeights, gradients, vectorState, count, from, to, step, 0.01, 0.9, 0.999, 1e-8, keep,
                        true);
            }
        }
        for (int i = 0; i < count; i++) {
            assertEquals(Float.floatToRawIntBits(scalarWeights[i]), Float.floatToRawIntBits(vectorWeights[i]),
                    "weight " + i);
        }
        for (int i = 0; i < 2 * count; i++) {
            assertEquals(Float.floatToRawIntBits(scalarState[i]), Float.floatToRawIntBits(vectorState[i]),
                    "state " + i);
        }
    }

    @Test
    void subnormalMeansAreFlushedToZeroAndNormalOnesKept() {
        float[] kept = {Float.MIN_NORMAL, -Float.MIN_NORMAL, Math.nextUp(Float.MIN_NORMAL), 1e-30f, -0.5f, 3e38f,
                Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float m : kept) {
            assertEquals(m, Adam.normalOrZero(m), "a normal m is kept: " + m);
        }
        float[] flushed = {Float.MIN_VALUE, -Float.MIN_VALUE, Math.nextDown(Float.MIN_NORMAL), 1e-40f, 0f};
        for (float m : flushed) {
            assertEquals(0f, Math.abs(Adam.normalOrZero(m)), "a subnormal m becomes 0: " + m);
        }
        assertTrue(Float.isNaN(Adam.normalOrZero(Float.NaN)), "NaN stays NaN");
    }

    @Test
    void theMeanOfAWeightWhoseGradientStaysZeroEndsAtZeroInsteadOfStickingAtTheSmallestSubnormal() {
        float[] w = {1f};
        float[] state = new float[adam.stateSize(1)];
        adam.update(w, new float[] {0.01f}, state, 1, 1, adam.learningRate());
        float[] zero = {0f};
        for (int step = 2; step <= 1024; step++) {
            adam.update(w, zero, state, 1, step, adam.learningRate());
        }
        assertEquals(0f, state[0], "m after 1024 steps of zero gradient (0.9ᵗ·0.001 is subnormal after ~810)");
        assertTrue(state[1] >= Float.MIN_NORMAL, "v decays more slowly and is still normal: " + state[1]);
    }

    @Test
    void defaultsAreTheCoursesAndPyTorchs() {
        assertEquals(0.001, adam.learningRate(), "the course's lr for Adam");
        assertEquals(0.9, adam.parameters().get("beta1"), "beta1");
        assertEquals(0.999, adam.parameters().get("beta2"), "beta2");
        assertEquals(1e-8, adam.parameters().get("eps"), "eps");
        assertEquals(14, adam.stateSize(7), "m and v for each weight");
    }
}
