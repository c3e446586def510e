package io.sinapse.testkit;

import static io.sinapse.testkit.Failures.assertFailsSaying;

import io.sinapse.api.Activation;
import io.sinapse.api.ElementwiseActivation;
import io.sinapse.api.Parameters;
import io.sinapse.api.Plugins;
import org.junit.jupiter.api.Test;

/** Each activation here has one deliberate mistake, and the contract test meant for it must fail and say so. */
class ActivationMistakesAreCaughtTest {

    @Test
    void wrongDerivativeFailsTheGradientCheckNamingIndexInputAndBothDerivatives() {
        ActivationContract contract = SigmoidWithWrongDerivative::new;
        assertFailsSaying(contract::backwardMatchesFiniteDifferencesOfForward,
                "activation 'sigmoid'", "backward disagrees with finite differences of forward",
                "at index 0", "z = ", "analytic gradZ = ", "numeric = ", "> tolerance", "new Random(");
        assertFailsSaying(contract::backwardMatchesFiniteDifferencesAtEdgeValues, "edge values");
    }

    @Test
    void slightlyWrongSlopeIsStillCaught() {
        ActivationContract contract = LeakyReluWithWrongSlope::new;
        assertFailsSaying(contract::backwardMatchesFiniteDifferencesOfForward, "analytic gradZ = ");
    }

    @Test
    void sloppyFloatPathFailsTheFloatCheck() {
        ActivationContract contract = TanhWithSloppyFloatPath::new;
        assertFailsSaying(contract::floatPathAgreesWithDoublePath,
                "the float path disagrees with the double path", "float path = ", "double path = ", "z = ");
    }

    @Test
    void softmaxOverTheWholeBatchFailsRowIndependence() {
        ActivationContract contract = SoftmaxWithBatchMax::new;
        assertFailsSaying(contract::rowsAreComputedIndependently,
                "depends on the other rows of the batch", "computed alone (rows = 1)", "max per row");
    }

    @Test
    void shortCallsWithAnotherFormulaFailTheElementwiseCheck() {
        ActivationContract contract = TanhWithShortcutForShortCalls::new;
        assertFailsSaying(contract::elementwiseValuesAreComputedIndependently,
                "depends on how many values the call passes", "in a 1×", "same formula as its body");
    }

    @Test
    void loopingToTheArrayLengthFailsTheTailCheck() {
        ActivationContract contract = ReluLoopingToArrayLength::new;
        assertFailsSaying(contract::leavesArrayTailsUntouched, "wrote past the first", "became");
    }

    @Test
    void softmaxBackwardThatOverwritesGradOutTooEarlyFailsTheAliasCheck() {
        ActivationContract contract = SoftmaxNotSafeForAliasing::new;
        assertFailsSaying(contract::backwardAllowsGradZToAliasGradOut,
                "when gradZ is the same array as gradOut", "instead of");
    }

    @Test
    void reluThatTurnsNanIntoZeroFailsTheNanPolicy() {
        ActivationContract contract = ReluHidingNaN::new;
        assertFailsSaying(contract::nanInGivesNanOut, "a number where NaN went in", "NaN in, NaN out");
    }

    @Test
    void activationThatThrowsOnNanFailsTheNanPolicy() {
        ActivationContract contract = ThrowingOnNaN::new;
        assertFailsSaying(contract::nanInGivesNanOut, "threw", "do not throw");
    }

    @Test
    void unregisteredActivationIsReportedWithTheRegistrationToAdd() {
        ActivationContract contract = Correct.Square::new;
        assertFailsSaying(contract::isDiscoverableByName, "activation 'square'", "is not found by the lookup",
                "provides io.sinapse.api.Activation with io.sinapse.testkit.Correct$Square",
                "META-INF/services/io.sinapse.api.Activation");
    }

    @Test
    void nameThatIsNotSnakeCaseIsReported() {
        ActivationContract contract = CamelCaseName::new;
        assertFailsSaying(contract::isDiscoverableByName, "lower snake case");
    }

    @Test
    void withParametersThatIgnoresItsValuesFailsTheRoundTrip() {
        Activation forgetful = new ForgetfulLeakyRelu(0.3);
        assertFailsSaying(() -> PluginChecks.roundTrip(forgetful, spec -> forgetful),
                "withParameters(alpha=0.3)", "alpha=0.01", "must keep the values");
    }

    @Test
    void specWithoutParametersFailsTheRoundTrip() {
        Activation configured = new LeakyReluWithBareSpec(0.3);
        assertFailsSaying(() -> PluginChecks.roundTrip(configured,
                        spec -> spec.equals("bare_leaky") ? new LeakyReluWithBareSpec(0.01) : null),
                "its spec 'bare_leaky' gives, through the lookup, parameters (alpha=0.01) instead of (alpha=0.3)");
    }

    @Test
    void unknownSpecFailsTheRoundTripWithTheLookupsMessage() {
        Activation square = new Correct.Square();
        Plugins plugins = Plugins.load();
        assertFailsSaying(() -> PluginChecks.roundTrip(square, plugins::activation),
                "the lookup cannot recreate it from its spec 'square'", "Unknown activation 'square'");
    }

    // ---- the mistakes ----

    /** σ'(z) written as σ(1 + σ) instead of σ(1 − σ). */
    static final class SigmoidWithWrongDerivative extends ElementwiseActivation {
        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public double apply(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double derivative(double z, double out) {
            return out * (1 + out);
        }
    }

    /** Forward uses slope 0.01 for negative z, backward 0.02. */
    static final class LeakyReluWithWrongSlope extends ElementwiseActivation {
        @Override
        public String name() {
            return "leaky_relu";
        }

        @Override
        public double apply(double z) {
            return z > 0 ? z : 0.01 * z;
        }

        @Override
        public double derivative(double z, double out) {
            return z > 0 ? 1 : 0.02;
        }
    }

    /** tanh, right on the double path; the mistakes below are in float paths of their own. */
    abstract static class TanhInDouble extends ElementwiseActivation {
        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double out) {
            return 1 - out * out;
        }
    }

    /** The float path uses a Padé approximation of tanh, good only near 0. */
    static final class TanhWithSloppyFloatPath extends TanhInDouble {
        @Override
        public void forward(float[] z, float[] out, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                float x = z[i];
                out[i] = x * (27 + x * x) / (27 + 9 * x * x);
            }
        }
    }

    /** Calls of fewer than 16 values take tanh in float arithmetic, longer ones in double: the last bits differ. */
    static final class TanhWithShortcutForShortCalls extends TanhInDouble {
        @Override
        public void forward(float[] z, float[] out, int rows, int cols) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                float e = (float) Math.exp(2 * z[i]);
                out[i] = n < 16 ? (e - 1f) / (e + 1f) : (float) Math.tanh(z[i]);
            }
        }
    }

    /** Subtracts the maximum of the whole batch: exp underflows to 0 in rows far below it. */
    static final class SoftmaxWithBatchMax extends Correct.RowSoftmax {
        @Override
        public void forward(double[] z, double[] out, int rows, int cols) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows * cols; i++) {
                max = Math.max(max, z[i]);
            }
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = Math.exp(z[r * cols + c] - max);
                    sum += out[r * cols + c];
                }
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] /= sum;
                }
            }
        }
    }

    /** Loops to z.length instead of rows * cols. */
    static final class ReluLoopingToArrayLength extends Correct.PlainRelu {
        @Override
        public void forward(double[] z, double[] out, int rows, int cols) {
            for (int i = 0; i < z.length; i++) {
                out[i] = apply(z[i]);
            }
        }
    }

    /** Writes y·g into gradZ before it has read all of gradOut for the dot product. */
    static final class SoftmaxNotSafeForAliasing extends Correct.RowSoftmax {
        @Override
        public void backward(double[] z, double[] out, double[] gradOut, double[] gradZ, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int start = r * cols;
                for (int c = 0; c < cols; c++) {
                    gradZ[start + c] = out[start + c] * gradOut[start + c];
                }
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += gradOut[start + c] * out[start + c];
                }
                for (int c = 0; c < cols; c++) {
                    gradZ[start + c] -= out[start + c] * dot;
                }
            }
        }
    }

    /** {@code z > 0 ? z : 0} answers 0 for NaN. */
    static final class ReluHidingNaN extends ElementwiseActivation {
        @Override
        public String name() {
            return "relu";
        }

        @Override
        public double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z, double out) {
            return z > 0 ? 1 : 0;
        }
    }

    static final class ThrowingOnNaN extends Correct.PlainRelu {
        @Override
        public double apply(double z) {
            if (Double.isNaN(z)) {
                throw new IllegalArgumentException("z is NaN");
            }
            return super.apply(z);
        }
    }

    static final class CamelCaseName extends Correct.PlainRelu {
        @Override
        public String name() {
            return "LeakyRelu";
        }
    }

    /** withParameters returns a default instance whatever it is given. */
    static final class ForgetfulLeakyRelu extends ElementwiseActivation {
        private final double alpha;

        ForgetfulLeakyRelu(double alpha) {
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "forgetful_leaky";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("alpha", alpha);
        }

        @Override
        public Activation withParameters(Parameters values) {
            return new ForgetfulLeakyRelu(0.01);
        }

        @Override
        public double apply(double z) {
            return z > 0 ? z : alpha * z;
        }

        @Override
        public double derivative(double z, double out) {
            return z > 0 ? 1 : alpha;
        }
    }

    /** spec() leaves the parameter out, so the lookup gives back the default. */
    static final class LeakyReluWithBareSpec extends ElementwiseActivation {
        private final double alpha;

        LeakyReluWithBareSpec(double alpha) {
            this.alpha = alpha;
        }

        @Override
        public String name() {
            return "bare_leaky";
        }

        @Override
        public String spec() {
            return name();
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("alpha", alpha);
        }

        @Override
        public Activation withParameters(Parameters values) {
            return new LeakyReluWithBareSpec(values.get("alpha"));
        }

        @Override
        public double apply(double z) {
            return z > 0 ? z : alpha * z;
        }

        @Override
        public double derivative(double z, double out) {
            return z > 0 ? 1 : alpha;
        }
    }
}
