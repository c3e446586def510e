package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinapse.api.Loss;
import io.sinapse.api.Parameters;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.LossContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HuberLossTest implements LossContract {

    @Override
    public Loss loss() {
        return new HuberLoss();
    }

    /** Value and slope are continuous, but the curvature jumps where |p − t| = delta. */
    @Override
    public double distanceToKink(double predicted, double target) {
        return Math.abs(Math.abs(predicted - target) - loss().parameters().get("delta"));
    }

    @Test
    void quadraticInsideDeltaLinearBeyond() {
        assertEquals(Parameters.of("delta", 1.0), loss().parameters(), "PyTorch's default delta");
        double[] p = {0.5, 3, -3, 1};
        double[] t = {0, 0, 0, 0};
        double expected = (0.5 * 0.25 + (3 - 0.5) + (3 - 0.5) + 0.5) / 4;
        assertEquals(expected, Values.value(loss(), p, t, 1, 4), "(½·0.5² + 1·(3 − ½) twice + ½·1²) / 4");
        assertArrayEquals(new double[] {0.125, 0.25, -0.25, 0.25}, Values.gradient(loss(), p, t, 1, 4),
                "(d if |d| ≤ 1 else sign(d)) / 4");
    }

    @Test
    void deltaMustBePositive() {
        PluginException e = assertThrows(PluginException.class, () -> Plugins.load().loss("huber(delta=0)"));
        assertEquals("Bad parameters for loss 'huber(delta=0)': delta must be a finite number > 0, got 0",
                e.getMessage());
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("huber");
        PyTorchFixture.assertMatches("huber(delta=0.5)");
    }

    /** The whole contract again with another delta, so that the parameter is exercised too. */
    @Nested
    class WithAnotherDelta implements LossContract {
        @Override
        public Loss loss() {
            return new HuberLoss().withParameters(Parameters.of("delta", 0.5));
        }

        @Override
        public double distanceToKink(double predicted, double target) {
            return Math.abs(Math.abs(predicted - target) - 0.5);
        }
    }
}
