package io.sinapse.testkit;

import static io.sinapse.testkit.Failures.assertFailsSaying;

import io.sinapse.api.ElementwiseLoss;
import io.sinapse.api.Plugins;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each loss here has one deliberate mistake, and the contract test meant for it must fail and say so. */
class LossMistakesAreCaughtTest {

    @Test
    void gradientThatForgetsTheMeanFailsTheGradientCheck() {
        LossContract contract = GradientWithoutTheMean::new;
        assertFailsSaying(contract::gradientMatchesFiniteDifferencesOfValue,
                "loss 'half_squared_error'", "gradient disagrees with finite differences of value",
                "predicted = ", "target = ", "analytic gradient = ", "numeric = ", "> tolerance");
    }

    @Test
    void derivativeWithTheWrongSignFailsTheGradientCheck() {
        LossContract contract = DerivativeWithTheWrongSign::new;
        assertFailsSaying(contract::gradientMatchesFiniteDifferencesOfValue, "analytic gradient = ");
    }

    @Test
    void floatPathThatSumsInsteadOfAveragingFailsTheFloatCheck() {
        LossContract contract = FloatPathSumsInsteadOfAveraging::new;
        assertFailsSaying(contract::floatPathAgreesWithDoublePath, "value on the float path is",
                "on the double path");
    }

    @Test
    void lossWhoseMinimumIsOffTheTargetFailsTheMinimumCheck() {
        LossContract zeroExpected = ShiftedSquaredError::new;
        assertFailsSaying(zeroExpected::valueIsSmallestAtTheTarget, "value at the target is", "expected 0");

        LossContract minimumExpected = new LossContract() {
            @Override
            public io.sinapse.api.Loss loss() {
                return new ShiftedSquaredError();
            }

            @Override
            public boolean zeroAtMinimum() {
                return false;
            }
        };
        assertFailsSaying(minimumExpected::valueIsSmallestAtTheTarget, "the value at the target is not the minimum",
                "moved");
    }

    @Test
    void absoluteErrorWithSlopeOneAtTheTargetFailsTheMinimumCheck() {
        LossContract contract = new LossContract() {
            @Override
            public io.sinapse.api.Loss loss() {
                return new AbsoluteErrorSlopedAtZero();
            }

            @Override
            public double distanceToKink(double predicted, double target) {
                return Math.abs(predicted - target);
            }
        };
        // The gradient check must skip the kink, so only the minimum check can see this one.
        contract.gradientMatchesFiniteDifferencesOfValue();
        assertFailsSaying(contract::valueIsSmallestAtTheTarget, "the gradient at the target is not zero");
    }

    @Test
    void oneCallWhoseGradientDriftsFromTheTwoCallsFailsTheOneCallCheck() {
        LossContract contract = OneCallGradientInFloat::new;
        assertFailsSaying(contract::valueAndGradientInOneCallMatchTheTwoCalls, "valueAndGradient gives the gradient",
                "gradient() gives", "the same number");
    }

    @Test
    void oneCallThatWritesPastTheBatchFailsTheOneCallCheck() {
        LossContract contract = OneCallWritesPastTheBatch::new;
        assertFailsSaying(contract::valueAndGradientInOneCallMatchTheTwoCalls, "past rows * cols");
    }

    @Test
    void lossThatAveragesOverTheArrayLengthFailsTheTailCheck() {
        LossContract contract = AveragesOverArrayLength::new;
        assertFailsSaying(contract::leavesArrayTailsUntouched, "when the arrays are longer than rows * cols");
    }

    @Test
    void lossThatSkipsNanPredictionsFailsTheNanPolicy() {
        LossContract contract = SkipsNaN::new;
        assertFailsSaying(contract::nanInGivesNanOut, "with a NaN prediction", "NaN in, NaN out");
    }

    @Test
    void fusedActivationUnknownToTheLookupIsReported() {
        LossContract contract = FusesAnUnknownActivation::new;
        assertFailsSaying(contract::fusedActivationIsKnownToTheLookup, "fusedActivation() names 'sparsemax'",
                "Unknown activation 'sparsemax'");
    }

    @Test
    void unregisteredLossIsReportedWithTheRegistrationToAdd() {
        assertFailsSaying(() -> PluginChecks.discoverable(io.sinapse.api.Loss.class, new Correct.HalfSquaredError(),
                        Plugins.load()),
                "loss 'half_squared_error'", "provides io.sinapse.api.Loss with", "META-INF/services/io.sinapse.api.Loss");
    }

    // ---- the mistakes ----

    /** The gradient of a mean must carry the 1/n of the mean; this one does not. */
    static final class GradientWithoutTheMean extends Correct.HalfSquaredError {
        @Override
        public void gradient(double[] predicted, double[] target, double[] grad, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                grad[i] = derivative(predicted[i], target[i]);
            }
        }
    }

    static final class DerivativeWithTheWrongSign extends Correct.HalfSquaredError {
        @Override
        public double derivative(double p, double t) {
            return t - p;
        }
    }

    static final class FloatPathSumsInsteadOfAveraging extends Correct.HalfSquaredError {
        @Override
        public double value(float[] predicted, float[] target, int rows, int cols) {
            return super.value(predicted, target, rows, cols) * rows * cols;
        }
    }

    /** (p − t − 0.1)²: smallest at p = t + 0.1, not at the target. */
    static final class ShiftedSquaredError extends ElementwiseLoss {
        @Override
        public String name() {
            return "shifted_squared_error";
        }

        @Override
        public double loss(double p, double t) {
            return (p - t - 0.1) * (p - t - 0.1);
        }

        @Override
        public double derivative(double p, double t) {
            return 2 * (p - t - 0.1);
        }
    }

    /** sign(d) written as d >= 0 ? 1 : −1: at p = t it pushes a prediction that is already right. */
    static final class AbsoluteErrorSlopedAtZero extends Correct.AbsoluteError {
        @Override
        public double derivative(double p, double t) {
            return p - t >= 0 ? 1 : -1;
        }
    }

    /** Divides by predicted.length instead of rows * cols. */
    /** Its one-call gradient scales in float, the two-call one in double: a last bit apart on some elements. */
    static final class OneCallGradientInFloat extends Correct.HalfSquaredError {
        @Override
        public double valueAndGradient(float[] predicted, float[] target, float[] grad, int rows, int cols) {
            int n = rows * cols;
            float scale = 1f / n;
            for (int i = 0; i < n; i++) {
                grad[i] = (float) derivative(predicted[i], target[i]) * scale;
            }
            return value(predicted, target, rows, cols);
        }
    }

    static final class OneCallWritesPastTheBatch extends Correct.HalfSquaredError {
        @Override
        public double valueAndGradient(float[] predicted, float[] target, float[] grad, int rows, int cols) {
            gradient(predicted, target, grad, rows, cols);
            grad[rows * cols] = 0f;
            return value(predicted, target, rows, cols);
        }
    }

    static final class AveragesOverArrayLength extends Correct.HalfSquaredError {
        @Override
        public double value(double[] predicted, double[] target, int rows, int cols) {
            double sum = 0;
            for (int i = 0; i < rows * cols; i++) {
                sum += loss(predicted[i], target[i]);
            }
            return sum / predicted.length;
        }
    }

    /** Leaves NaN predictions out of the mean, which hides divergence. */
    static final class SkipsNaN extends Correct.HalfSquaredError {
        @Override
        public double loss(double p, double t) {
            return Double.isNaN(p) ? 0 : super.loss(p, t);
        }

        @Override
        public double derivative(double p, double t) {
            return Double.isNaN(p) ? 0 : super.derivative(p, t);
        }
    }

    static final class FusesAnUnknownActivation extends Correct.HalfSquaredError {
        @Override
        public Optional<String> fusedActivation() {
            return Optional.of("sparsemax");
        }
    }
}
