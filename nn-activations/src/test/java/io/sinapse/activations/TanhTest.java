package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class TanhTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Tanh();
    }

    @Test
    void handComputedValues() {
        assertEquals(0.0, Values.forward(activation(), 0), "tanh(0)");
        assertEquals(1.0, Values.derivative(activation(), 0), "tanh'(0) = 1 − 0²");
        assertEquals(1.0, Values.forward(activation(), 30), "tanh(30) rounds to 1");
        assertEquals(-1.0, Values.forward(activation(), -30), "tanh(−30) rounds to −1");
    }

    /** The course: "a função tanh é uma versão escalonada da função sigmóide", tanh(z) = 2σ(2z) − 1. */
    @Test
    void isAScaledSigmoid() {
        Activation sigmoid = new Sigmoid();
        for (double z : new double[] {-3, -0.5, 0.25, 1, 4}) {
            assertEquals(2 * Values.forward(sigmoid, 2 * z) - 1, Values.forward(activation(), z), 1e-15,
                    "tanh(" + z + ") = 2σ(" + 2 * z + ") − 1");
        }
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("tanh");
    }
}
