package com.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Loss;
import io.sinapse.testkit.LossContract;
import org.junit.jupiter.api.Test;

/** log_cosh passes the Sinapse loss contract, matches PyTorch, and agrees with values worked out by hand. */
class LogCoshTest implements LossContract {

    @Override
    public Loss loss() {
        return new LogCosh();
    }

    @Test
    void handComputedValues() {
        LogCosh loss = new LogCosh();
        assertEquals(0.0, loss.loss(2, 2), "log cosh 0 = 0");
        // cosh 1 = (e + 1/e)/2 = 1.5430806348152437, log of it = 0.4337808304830271
        assertEquals(0.4337808304830271, loss.loss(3, 2), 1e-16, "log cosh 1");
        assertEquals(0.7615941559557649, loss.derivative(3, 2), 1e-16, "d/dp log cosh(p − t) = tanh 1");
    }

    @Test
    void largeErrorsCostLikeMaeAndDoNotOverflow() {
        LogCosh loss = new LogCosh();
        // Math.cosh(1000) is infinite; log cosh d = d − log 2 + log(1 + e^−2d) is not.
        assertEquals(1000 - Math.log(2), loss.loss(1000, 0), 1e-12, "log cosh 1000 ≈ 1000 − log 2");
        assertEquals(-1.0, loss.derivative(-1000, 0), "tanh(−1000) = −1: a bounded gradient, as with mae");
    }

    @Test
    void theBatchValueIsTheMeanOverElements() {
        double[] p = {0, 1, -1, 3};
        double[] t = {0, 0, 0, 0};
        double expected = (0 + 2 * 0.4337808304830271 + Math.log(Math.cosh(3))) / 4;
        assertEquals(expected, loss().value(p, t, 2, 2), 1e-15);
    }

    @Test
    void matchesPyTorch() {
        Reference.assertLossMatches("log_cosh");
    }
}
