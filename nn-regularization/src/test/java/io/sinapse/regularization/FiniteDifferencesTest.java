package io.sinapse.regularization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.ElementwiseRegularizer;
import org.junit.jupiter.api.Test;

/** The gradient check must fail on a wrong gradient, or passing it proves nothing. */
class FiniteDifferencesTest {

    /** (λ/2)·w² with λ = 0.1, whose derivative is 0.1·w, with the ½ forgotten: 0.2·w. */
    private static final class TwiceTheGradient extends ElementwiseRegularizer {
        @Override
        public String name() {
            return "twice_l2";
        }

        @Override
        public double penalty(double w) {
            return 0.05 * w * w;
        }

        @Override
        public double derivative(double w) {
            return 0.2 * w;
        }
    }

    @Test
    void catchesAGradientOffByAFactorOfTwo() {
        var e = assertThrows(AssertionError.class,
                () -> FiniteDifferences.check(new TwiceTheGradient(), Weights.SAMPLE, false));
        assertTrue(e.getMessage().contains("twice_l2 at w[0] = -2.5"), e.getMessage());
    }

    @Test
    void catchesASignErrorOfL1SizedGradients() {
        var flipped = new ElementwiseRegularizer() {
            @Override
            public String name() {
                return "flipped_l1";
            }

            @Override
            public double penalty(double w) {
                return 0.01 * Math.abs(w);
            }

            @Override
            public double derivative(double w) {
                return -0.01 * Math.signum(w);
            }
        };
        assertThrows(AssertionError.class, () -> FiniteDifferences.check(flipped, Weights.SAMPLE, true));
    }

    @Test
    void refusesToPassWhenEveryWeightIsAtTheKink() {
        assertThrows(AssertionError.class, () -> FiniteDifferences.check(new L1(), new double[] {0, 0}, true));
    }
}
