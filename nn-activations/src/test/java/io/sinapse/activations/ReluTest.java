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
    void floatPathGivesTheDefinitionsValuesBitForBitOnEdgeValues() {
        Relu relu = new Relu();
        float[] z = {Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 0f, -0f, 1e-30f, -1e-30f, 3f, -2f,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        float[] gradOut = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            gradOut[i] = i % 2 == 0 ? 0.75f : -1.5f;
        }
        gradOut[3] = Float.POSITIVE_INFINITY; // ∞ · relu'(0) = ∞ · 0 = NaN, as in double
        float[] out = new float[z.length];
        float[] gradZ = new float[z.length];
        relu.forward(z, out, 1, z.length);
        relu.backward(z, out, gradOut, gradZ, 1, z.length);
        for (int i = 0; i < z.length; i++) {
            float expectedOut = (float) relu.apply(z[i]);
            float expectedGrad = (float) (gradOut[i] * relu.derivative(z[i], out[i]));
            assertEquals(Float.floatToRawIntBits(expectedOut), Float.floatToRawIntBits(out[i]),
                    "relu(" + z[i] + ") = " + expectedOut + ", got " + out[i]);
            assertEquals(Float.floatToRawIntBits(expectedGrad), Float.floatToRawIntBits(gradZ[i]),
                    gradOut[i] + " · relu'(" + z[i] + ") = " + expectedGrad + ", got " + gradZ[i]);
        }
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
