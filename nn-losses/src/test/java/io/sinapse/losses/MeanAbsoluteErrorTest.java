package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Loss;
import io.sinapse.testkit.LossContract;
import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest implements LossContract {

    @Override
    public Loss loss() {
        return new MeanAbsoluteError();
    }

    /** |p − t| has a kink where the prediction meets its target. */
    @Override
    public double distanceToKink(double predicted, double target) {
        return Math.abs(predicted - target);
    }

    @Test
    void meanOverAllElementsOfTheAbsoluteError() {
        double[] p = {1, -3, 2, 0};
        double[] t = {0, 0, 2, 0.5};
        assertEquals((1 + 3 + 0 + 0.5) / 4, Values.value(loss(), p, t, 1, 4), "(1 + 3 + 0 + 0.5) / 4");
        assertArrayEquals(new double[] {0.25, -0.25, 0, -0.25}, Values.gradient(loss(), p, t, 1, 4),
                "sign(p − t) / 4, with 0 where p = t");
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("mae");
    }
}
