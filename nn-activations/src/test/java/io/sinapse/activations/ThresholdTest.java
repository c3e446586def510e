package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Threshold();
    }

    /** A jump at 0, derivative 0 on either side. */
    @Override
    public List<Double> kinks() {
        return List.of(0.0);
    }

    @Test
    void firesOnlyForStrictlyPositiveInput() {
        assertEquals(0.0, Values.forward(activation(), 0.0), "threshold(0): the course fires for z > 0 only");
        assertEquals(0.0, Values.forward(activation(), -0.0), "threshold(-0)");
        assertEquals(1.0, Values.forward(activation(), 1e-9), "threshold(1e-9)");
        assertEquals(0.0, Values.forward(activation(), -3), "threshold(-3)");
        assertEquals(1.0, Values.forward(activation(), 48 - 5), "the course's bill example, 48 against a threshold of 5");
    }

    @Test
    void derivativeIsZeroEverywhere() {
        for (double z : new double[] {-5, -1e-3, 0, 1e-3, 5}) {
            assertEquals(0.0, Values.derivative(activation(), z), "threshold'(" + z + ")");
        }
    }

    @Test
    void matchesPyTorchHeaviside() {
        PyTorchFixture.assertMatches("threshold");
    }
}
