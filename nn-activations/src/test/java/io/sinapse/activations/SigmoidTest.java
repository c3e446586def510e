package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SigmoidTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Sigmoid();
    }

    @Test
    void handComputedValues() {
        assertEquals(0.5, Values.forward(activation(), 0), "sigmoid(0) = 1 / (1 + e⁰)");
        assertEquals(0.25, Values.derivative(activation(), 0), "sigmoid'(0) = 0.5 · (1 − 0.5)");
        assertEquals(0.75, Values.forward(activation(), Math.log(3)), 1e-15, "sigmoid(ln 3) = 1 / (1 + 1/3)");
        assertEquals(0.25, Values.forward(activation(), -Math.log(3)), 1e-15, "sigmoid(−ln 3) = 1 − sigmoid(ln 3)");
    }

    @Test
    void staysInZeroOneWithoutOverflowForHugeInputs() {
        assertEquals(1.0, Values.forward(activation(), 800), "sigmoid(800)");
        assertEquals(0.0, Values.forward(activation(), -800), "sigmoid(−800)");
        assertEquals(Math.exp(-700), Values.forward(activation(), -700), 1e-15 * Math.exp(-700),
                "sigmoid(−700) ≈ e^(−700), kept to full relative precision");
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("sigmoid");
    }
}
