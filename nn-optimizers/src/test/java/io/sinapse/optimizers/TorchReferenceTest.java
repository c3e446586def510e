package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer against PyTorch 1.13: five steps on seven weights, from {@code make_fixtures.py}.
 *
 * <p>Tolerance: PyTorch rounds every intermediate (velocity, moving averages, the denominator, the step) to
 * float32 and its vectorised kernels may fuse multiply-adds; we keep the intermediates of one weight in double and
 * round each stored value once. So a weight may differ by an ulp or two (float32's ulp is 2⁻²³ ≈ 1.2e-7 relative);
 * on this fixture the largest difference measured is 2 ulps, and 90% of the values agree bit for bit. We allow
 * 1e-6 relative to the weight (1e-6 absolute for weights below 1): about eight ulps, and still a thousandth of the
 * smallest step any case takes (lr = 0.001), so a wrong formula, a missing bias correction or an off-by-one step
 * fails by orders of magnitude.
 */
class TorchReferenceTest {

    static final double TOLERANCE = 1e-6;

    static List<TorchFixture.Case> cases() {
        return TorchFixture.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weightsMatchPyTorchAfterEveryStep(TorchFixture.Case reference) {
        Optimizer optimizer = Plugins.load().optimizer(reference.spec());
        float[] weights = reference.weights().get(0).clone();
        float[] state = new float[optimizer.stateSize(weights.length)];
        for (int step = 1; step <= reference.steps(); step++) {
            optimizer.update(weights, reference.grad(step).clone(), state, weights.length, step,
                    optimizer.learningRate());
            float[] expected = reference.weights().get(step);
            for (int i = 0; i < weights.length; i++) {
                double allowed = TOLERANCE * Math.max(1, Math.abs(expected[i]));
                if (Math.abs(weights[i] - expected[i]) > allowed) {
                    fail(reference.spec() + ", step " + step + ", weight " + i + ": PyTorch has " + expected[i]
                            + ", we have " + weights[i] + " (allowed difference " + allowed + ")");
                }
            }
        }
    }

    @Test
    void fixtureCoversEveryOptimizerWithDefaultAndOtherParameters() {
        Set<String> withDefaults = new TreeSet<>();
        Set<String> withOthers = new TreeSet<>();
        for (TorchFixture.Case reference : cases()) {
            String name = reference.spec().replaceAll("\\(.*", "");
            (reference.spec().contains("(") ? withOthers : withDefaults).add(name);
            assertEquals(5, reference.steps(), reference.spec() + ": steps in the fixture");
            assertEquals(reference.steps() + 1, reference.weights().size(), reference.spec() + ": weight records");
        }
        Set<String> all = new TreeSet<>(Plugins.load().names(Optimizer.class));
        assertEquals(all, withDefaults, "optimizers checked with their defaults");
        assertEquals(all, withOthers, "optimizers checked with non-default parameters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureMovesWeightsFarMoreThanTheTolerance(TorchFixture.Case reference) {
        float[] first = reference.weights().get(0);
        float[] last = reference.weights().get(reference.steps());
        double largest = 0;
        for (int i = 0; i < first.length; i++) {
            largest = Math.max(largest, Math.abs(last[i] - first[i]));
        }
        assertTrue(largest > 1000 * TOLERANCE, reference.spec() + ": the weights move by at most " + largest
                + " in five steps, too little for a tolerance of " + TOLERANCE + " to tell formulas apart");
    }
}
