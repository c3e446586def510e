package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;
import io.sinapse.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code adagrad}: steps computed by hand from the formula, and the testkit's contract. PyTorch's numbers are
 * checked in {@link TorchReferenceTest}.
 */
class AdaGradTest implements OptimizerContract {

    @Override
    public Optimizer optimizer() {
        return new AdaGrad();
    }

    @Test
    void stepsShrinkAsSquaredGradientsAccumulate() {
        var adagrad = new AdaGrad().withParameters(Parameters.of("lr", 0.1));
        float[] start = {1, -2, 0.5f};
        float[] g = {0.5f, -4, 0};
        // s = g²: each weight moves by lr = 0.1 against its gradient, whatever its size
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.5f}, Steps.run(adagrad, start, g), 1e-6f, "first step");
        // s = 2·g²: the step is lr/√2 = 0.0707106781
        assertArrayEquals(new float[] {0.82928932f, -1.82928932f, 0.5f}, Steps.run(adagrad, start, g, g), 1e-6f,
                "second step");
    }

    @Test
    void defaultsAndState() {
        assertEquals(0.01, new AdaGrad().learningRate(), "default lr");
        assertEquals(1e-10, new AdaGrad().parameters().get("eps"), "default eps, PyTorch's");
        assertEquals(5, new AdaGrad().stateSize(5), "one sum of squares per weight");
    }
}
