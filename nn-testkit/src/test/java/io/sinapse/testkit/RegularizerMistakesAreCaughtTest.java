package io.sinapse.testkit;

import static io.sinapse.testkit.Failures.assertFailsSaying;

import org.junit.jupiter.api.Test;

/** Each regularizer here has one deliberate mistake, and the contract test meant for it must fail and say so. */
class RegularizerMistakesAreCaughtTest {

    @Test
    void gradientMissingTheFactorTwoFailsTheGradientCheck() {
        RegularizerContract contract = L2WithHalfTheGradient::new;
        assertFailsSaying(contract::addGradientMatchesFiniteDifferencesOfPenalty, "regularizer 'l2'",
                "addGradient disagrees with finite differences of penalty", "weight = ",
                "analytic gradient (added to 0) = ", "numeric = ");
    }

    @Test
    void overwritingTheGradientIsReported() {
        RegularizerContract contract = L2Overwriting::new;
        assertFailsSaying(contract::addGradientAddsToWhatIsThere, "must ADD", "(it overwrote)");
    }

    @Test
    void penaltyAboveZeroForZeroWeightsIsReported() {
        RegularizerContract contract = OffsetPenalty::new;
        assertFailsSaying(contract::penaltyOfZeroWeightsIsZero, "zero weights is", "expected 0");
    }

    @Test
    void floatPathWithAnotherFormulaFailsTheFloatCheck() {
        RegularizerContract contract = FloatGradientWithoutFactorTwo::new;
        assertFailsSaying(contract::floatPathAgreesWithDoublePath, "addGradient",
                "the float path disagrees with the double path");
    }

    @Test
    void readingPastCountFailsTheTailCheck() {
        RegularizerContract contract = SumsWholeArray::new;
        assertFailsSaying(contract::leavesArrayTailsUntouched, "when the weights array is longer than count");
    }

    // ---- the mistakes ----

    static final class L2WithHalfTheGradient extends Correct.L2 {
        @Override
        public double derivative(double w) {
            return LAMBDA * w;
        }
    }

    static final class L2Overwriting extends Correct.L2 {
        @Override
        public void addGradient(double[] weights, double[] grads, int count) {
            for (int i = 0; i < count; i++) {
                grads[i] = derivative(weights[i]);
            }
        }

        @Override
        public void addGradient(float[] weights, float[] grads, int count) {
            for (int i = 0; i < count; i++) {
                grads[i] = (float) derivative(weights[i]);
            }
        }
    }

    static final class OffsetPenalty extends Correct.L2 {
        @Override
        public double penalty(double w) {
            return LAMBDA * (w * w + 1);
        }
    }

    static final class FloatGradientWithoutFactorTwo extends Correct.L2 {
        @Override
        public void addGradient(float[] weights, float[] grads, int count) {
            for (int i = 0; i < count; i++) {
                grads[i] += (float) (LAMBDA * weights[i]);
            }
        }
    }

    static final class SumsWholeArray extends Correct.L2 {
        @Override
        public double penalty(double[] weights, int count) {
            double sum = 0;
            for (double w : weights) {
                sum += penalty(w);
            }
            return sum;
        }
    }
}
