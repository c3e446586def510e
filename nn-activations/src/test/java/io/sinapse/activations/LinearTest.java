package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sinapse.api.Activation;
import io.sinapse.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class LinearTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Linear();
    }

    @Test
    void passesValuesAndGradientsThroughUnchanged() {
        double[] z = {-2.5, 0, 3};
        double[] out = new double[3];
        activation().forward(z, out, 1, 3);
        assertArrayEquals(z, out, "linear(z) = z");
        double[] gradOut = {0.1, -0.2, 0.3};
        double[] gradZ = new double[3];
        activation().backward(z, out, gradOut, gradZ, 1, 3);
        assertArrayEquals(gradOut, gradZ, "the derivative is the constant 1, so gradZ = gradOut");
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("linear");
    }
}
