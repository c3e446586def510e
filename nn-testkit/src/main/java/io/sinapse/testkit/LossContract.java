package io.sinapse.testkit;

import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link Loss} must pass: implement it in a test class, return the loss under test from
 * {@link #loss()}, and override the hooks that describe its domain. See {@link ActivationContract} for how the
 * contracts are used.
 */
public interface LossContract {

    /** The loss under test, configured as it should be tested. */
    Loss loss();

    /** Random predictions: uniform in [-3, 3] unless overridden (probabilities in (0, 1) for a loss on them). */
    default double[] predictions(Random random, int rows, int cols) {
        return Samples.uniform(random, rows * cols, -3, 3);
    }

    /** Random targets: uniform in [-3, 3] unless overridden (e.g. {@link Samples#oneHotRows} for class labels). */
    default double[] targets(Random random, int rows, int cols) {
        return Samples.uniform(random, rows * cols, -3, 3);
    }

    /**
     * How far {@code predicted} is from a point where the loss has no derivative in it, for {@code target}; the
     * gradient check skips pairs within {@link GradientCheck#KINK_MARGIN}. Infinite (no kinks) unless overridden:
     * {@code |p - t|} for mean absolute error.
     */
    default double distanceToKink(double predicted, double target) {
        return Double.POSITIVE_INFINITY;
    }

    /** Targets for the minimum test; {@link #targets} unless overridden (a minimizer must exist for them). */
    default double[] minimumTargets(Random random, int rows, int cols) {
        return targets(random, rows, cols);
    }

    /** The prediction at which the loss is smallest for {@code target}: the target itself unless overridden. */
    default double[] minimizer(double[] target, int rows, int cols) {
        return target.clone();
    }

    /** Whether the smallest value is 0 (mse, mae, huber) rather than some other number (an entropy). */
    default boolean zeroAtMinimum() {
        return true;
    }

    /** The lookup the registration tests ask; the module path and class path unless overridden. */
    default Plugins plugins() {
        return Plugins.load();
    }

    @Test
    default void gradientMatchesFiniteDifferencesOfValue() {
        Trials.forEach((random, rows, cols) -> GradientCheck.loss(loss(), predictions(random, rows, cols),
                targets(random, rows, cols), rows, cols, this::distanceToKink));
    }

    @Test
    default void floatPathAgreesWithDoublePath() {
        Trials.forEach((random, rows, cols) -> LossChecks.floatAgreesWithDouble(loss(),
                predictions(random, rows, cols), targets(random, rows, cols), rows, cols));
    }

    @Test
    default void valueIsSmallestAtTheTarget() {
        Trials.forEach((random, rows, cols) -> {
            double[] target = minimumTargets(random, rows, cols);
            LossChecks.smallestAtTheTarget(loss(), target, minimizer(target, rows, cols), rows, cols,
                    zeroAtMinimum(), random);
        });
    }

    @Test
    default void valueAndGradientInOneCallMatchTheTwoCalls() {
        Trials.forEach((random, rows, cols) -> LossChecks.valueAndGradientMatchTheTwoCalls(loss(),
                predictions(random, rows, cols), targets(random, rows, cols), rows, cols));
    }

    @Test
    default void leavesArrayTailsUntouched() {
        Trials.forEach((random, rows, cols) -> LossChecks.leavesArrayTailsUntouched(loss(),
                predictions(random, rows, cols), targets(random, rows, cols), rows, cols));
    }

    @Test
    default void nanInGivesNanOut() {
        Trials.forEach((random, rows, cols) -> LossChecks.nanInGivesNanOut(loss(),
                predictions(random, rows, cols), targets(random, rows, cols), rows, cols));
    }

    @Test
    default void fusedActivationIsKnownToTheLookup() {
        Assumptions.assumeTrue(loss().fusedActivation().isPresent(), "this loss fuses no activation");
        LossChecks.fusedActivationIsKnown(loss(), plugins());
    }

    @Test
    default void specRoundTripsThroughTheLookup() {
        Plugins plugins = plugins();
        PluginChecks.roundTrip(loss(), plugins::loss);
    }

    @Test
    default void isDiscoverableByName() {
        PluginChecks.discoverable(Loss.class, loss(), plugins());
    }
}
