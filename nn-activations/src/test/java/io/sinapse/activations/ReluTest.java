package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.api.WeightInit;
import io.sinapse.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReluTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Relu();
    }

    @Override
    public List<Double> kinks() {
        return List.of(0.0);
    }

    @Test
    void handComputedValues() {
        assertEquals(0.0, Values.forward(activation(), -2), "relu(−2)");
        assertEquals(3.0, Values.forward(activation(), 3), "relu(3)");
        assertEquals(0.0, Values.derivative(activation(), -2), "relu'(−2)");
        assertEquals(1.0, Values.derivative(activation(), 3), "relu'(3)");
    }

    @Test
    void derivativeAtTheKinkIsZero() {
        assertEquals(0.0, Values.derivative(activation(), 0.0), "relu'(0), as PyTorch and Keras take it");
    }

    @Test
    void prefersHeInitialisation() {
        assertEquals(WeightInit.HE, activation().preferredInit());
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("relu");
    }
}
