package io.sinapse.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinapse.api.Activation;
import io.sinapse.api.Parameters;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import io.sinapse.api.WeightInit;
import io.sinapse.testkit.ActivationContract;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LeakyReluTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new LeakyRelu();
    }

    @Override
    public List<Double> kinks() {
        return List.of(0.0);
    }

    @Test
    void handComputedValuesWithTheCoursesSlope() {
        assertEquals(Parameters.of("alpha", 0.01), activation().parameters(), "the course's default slope");
        assertEquals(-0.02, Values.forward(activation(), -2), 1e-17, "leaky_relu(−2) = 0.01 · (−2)");
        assertEquals(3.0, Values.forward(activation(), 3), "leaky_relu(3)");
        assertEquals(0.01, Values.derivative(activation(), -2), "leaky_relu'(−2): a gradient, unlike relu");
        assertEquals(0.01, Values.derivative(activation(), 0), "leaky_relu'(0): the left slope, as in PyTorch");
        assertEquals(1.0, Values.derivative(activation(), 3), "leaky_relu'(3)");
    }

    @Test
    void slopeIsSetThroughTheLookup() {
        Activation steeper = Plugins.load().activation("leaky_relu(alpha=0.2)");
        assertEquals(-0.4, Values.forward(steeper, -2), 1e-16, "leaky_relu(alpha=0.2)(−2)");
        assertEquals("leaky_relu(alpha=0.2)", steeper.spec());
    }

    @Test
    void negativeSlopeIsRejectedWithTheReason() {
        PluginException e = assertThrows(PluginException.class,
                () -> Plugins.load().activation("leaky_relu(alpha=-0.1)"));
        assertEquals("Bad parameters for activation 'leaky_relu(alpha=-0.1)': alpha must be a finite number ≥ 0,"
                + " got -0.1", e.getMessage());
    }

    @Test
    void prefersHeInitialisationLikeRelu() {
        assertEquals(WeightInit.HE, activation().preferredInit());
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("leaky_relu");
        PyTorchFixture.assertMatches("leaky_relu(alpha=0.2)");
    }

    /** The whole contract again with a slope other than the default, so that the parameter is exercised too. */
    @Nested
    class WithAnotherSlope implements ActivationContract {
        @Override
        public Activation activation() {
            return new LeakyRelu().withParameters(Parameters.of("alpha", 0.25));
        }

        @Override
        public List<Double> kinks() {
            return List.of(0.0);
        }
    }
}
