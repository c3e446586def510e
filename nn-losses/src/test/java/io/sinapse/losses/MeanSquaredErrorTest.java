package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Loss;
import io.sinapse.testkit.LossContract;
import org.junit.jupiter.api.Test;

class MeanSquaredErrorTest implements LossContract {

    @Override
    public Loss loss() {
        return new MeanSquaredError();
    }

    @Test
    void meanOverAllElementsOfTheSquaredError() {
        double[] p = {1, 2, 0, -1};
        double[] t = {0, 0, 0, 1};
        assertEquals((1 + 4 + 0 + 4) / 4.0, Values.value(loss(), p, t, 2, 2), "(1² + 2² + 0² + (−2)²) / 4");
        assertArrayEquals(new double[] {0.5, 1, 0, -1}, Values.gradient(loss(), p, t, 2, 2), "2(p − t) / 4");
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("mse");
    }
}
