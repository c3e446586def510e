package com.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinapse.api.Activation;
import io.sinapse.api.Parameters;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import io.sinapse.api.WeightInit;
import io.sinapse.testkit.ActivationContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Swish passes the Sinapse activation contract (finite differences, float against double, batches, NaN policy,
 * registration), matches PyTorch, and agrees with values worked out by hand.
 */
class SwishTest implements ActivationContract {

    @Override
    public Activation activation() {
        return new Swish();
    }

    @Test
    void handComputedValuesWithBetaOne() {
        Swish swish = new Swish();
        assertEquals(Parameters.of("beta", 1), swish.parameters(), "β = 1 by default, as in SiLU");
        assertEquals(0.0, swish.apply(0), "swish(0) = 0 · σ(0)");
        // σ(1) = 1 / (1 + e^−1) = 0.7310585786300049
        assertEquals(0.7310585786300049, swish.apply(1), 1e-16, "swish(1) = σ(1)");
        assertEquals(-0.2689414213699951, swish.apply(-1), 1e-16, "swish(−1) = −σ(−1) = −(1 − σ(1))");
        assertEquals(0.5, swish.derivative(0, 0), "swish'(0) = σ(0) = 1/2");
        // swish'(1) = σ(1)·(1 + 1·(1 − σ(1))) = 0.7310585786 · 1.2689414214
        assertEquals(0.9276705118714869, swish.derivative(1, swish.apply(1)), 1e-15, "swish'(1)");
    }

    @Test
    void betaZeroIsTheLineHalfZ() {
        Swish line = new Swish().withParameters(Parameters.of("beta", 0));
        assertEquals(-1.5, line.apply(-3), "swish(beta=0)(z) = z/2");
        assertEquals(0.5, line.derivative(-3, -1.5), "its slope is 1/2 everywhere");
    }

    @Test
    void largeInputsBehaveLikeRelu() {
        Swish swish = new Swish();
        assertEquals(40.0, swish.apply(40), 1e-12, "swish(40) ≈ 40");
        assertEquals(-0.0, swish.apply(-800), "swish(−800) = −800 · σ(−800) underflows to −0, no NaN from exp overflow");
        assertEquals(1.0, swish.derivative(40, 40), 1e-12, "swish'(40) ≈ 1");
    }

    @Test
    void betaIsSetThroughTheLookup() {
        Activation steeper = Plugins.load().activation("swish(beta=2)");
        assertEquals("swish(beta=2)", steeper.spec());
        // 1 · σ(2) = 0.8807970779778823
        assertEquals(0.8807970779778823, ((Swish) steeper).apply(1), 1e-16, "swish(beta=2)(1) = σ(2)");
    }

    @Test
    void negativeBetaIsRejectedWithTheReason() {
        PluginException e = assertThrows(PluginException.class, () -> Plugins.load().activation("swish(beta=-1)"));
        assertEquals("Bad parameters for activation 'swish(beta=-1)': beta must be >= 0, got -1",
                e.getMessage());
    }

    @Test
    void prefersHeInitialisationLikeRelu() {
        assertEquals(WeightInit.HE, activation().preferredInit());
    }

    @Test
    void matchesPyTorch() {
        Reference.assertActivationMatches("swish");
        Reference.assertActivationMatches("swish(beta=2)");
    }

    /** The whole contract again with β = 2, so that the parameter is exercised too. */
    @Nested
    class WithBetaTwo implements ActivationContract {
        @Override
        public Activation activation() {
            return new Swish().withParameters(Parameters.of("beta", 2));
        }
    }
}
