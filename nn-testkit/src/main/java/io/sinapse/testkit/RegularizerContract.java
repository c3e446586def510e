package io.sinapse.testkit;

import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link Regularizer} must pass: implement it in a test class and return the regularizer under
 * test from {@link #regularizer()}. See {@link ActivationContract} for how the contracts are used.
 */
public interface RegularizerContract {

    /** The regularizer under test, configured as it should be tested. */
    Regularizer regularizer();

    /** Weights where the penalty has no derivative ({@code List.of(0.0)} for L1); none unless overridden. */
    default List<Double> kinks() {
        return List.of();
    }

    /** Random weights: uniform in [-2, 2] unless overridden. */
    default double[] weights(Random random, int count) {
        return Samples.uniform(random, count, -2, 2);
    }

    /** The lookup the registration tests ask; the module path and class path unless overridden. */
    default Plugins plugins() {
        return Plugins.load();
    }

    @Test
    default void addGradientMatchesFiniteDifferencesOfPenalty() {
        Trials.forEach((random, rows, cols) -> GradientCheck.regularizer(regularizer(),
                weights(random, rows * cols), rows * cols, kinks()));
    }

    @Test
    default void floatPathAgreesWithDoublePath() {
        Trials.forEach((random, rows, cols) -> RegularizerChecks.floatAgreesWithDouble(regularizer(),
                weights(random, rows * cols), rows * cols));
    }

    @Test
    default void addGradientAddsToWhatIsThere() {
        Trials.forEach((random, rows, cols) -> RegularizerChecks.addsToTheGradient(regularizer(),
                weights(random, rows * cols), Samples.uniform(random, rows * cols, -1, 1), rows * cols));
    }

    @Test
    default void penaltyOfZeroWeightsIsZero() {
        for (int count : new int[] {1, 6, 12}) {
            RegularizerChecks.zeroPenaltyAtZero(regularizer(), count);
        }
    }

    @Test
    default void leavesArrayTailsUntouched() {
        Trials.forEach((random, rows, cols) -> RegularizerChecks.leavesArrayTailsUntouched(regularizer(),
                weights(random, rows * cols), rows * cols));
    }

    @Test
    default void specRoundTripsThroughTheLookup() {
        Plugins plugins = plugins();
        PluginChecks.roundTrip(regularizer(), plugins::regularizer);
    }

    @Test
    default void isDiscoverableByName() {
        PluginChecks.discoverable(Regularizer.class, regularizer(), plugins());
    }
}
