package io.sinapse.testkit;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link Optimizer} must pass: implement it in a test class and return the optimizer under test
 * from {@link #optimizer()}. See {@link ActivationContract} for how the contracts are used, and
 * {@link OptimizerChecks} for the test problem.
 */
public interface OptimizerContract {

    /** The optimizer under test, configured with a learning rate that suits a quadratic of curvature ~1. */
    Optimizer optimizer();

    /** How many steps the tests take; a few hundred unless overridden. */
    default int steps() {
        return 300;
    }

    /** The lookup the registration tests ask; the module path and class path unless overridden. */
    default Plugins plugins() {
        return Plugins.load();
    }

    @Test
    default void reducesAConvexQuadratic() {
        for (long seed = 1; seed <= 5; seed++) {
            long s = seed;
            Report.within("problem from new Random(" + s + ")",
                    () -> OptimizerChecks.reducesConvexQuadratic(optimizer(), steps(), new Random(s)));
        }
    }

    @Test
    default void keepsSeparateStatePerTensor() {
        OptimizerChecks.keepsStatePerTensor(optimizer(), Math.min(steps(), 50), new Random(11));
    }

    @Test
    default void isReproducible() {
        OptimizerChecks.isReproducible(optimizer(), steps(), new Random(12));
    }

    @Test
    default void stateSizeIsNonNegative() {
        OptimizerChecks.stateSizeIsNonNegative(optimizer());
    }

    @Test
    default void learningRateIsTheLrParameter() {
        Assumptions.assumeTrue(optimizer().parameters().has("lr"), "this optimizer has no lr parameter");
        OptimizerChecks.learningRateIsTheLrParameter(optimizer());
    }

    @Test
    default void usesTheGivenLearningRate() {
        OptimizerChecks.usesTheGivenLearningRate(optimizer(), new Random(13));
    }

    @Test
    default void leavesArrayTailsUntouched() {
        OptimizerChecks.leavesArrayTailsUntouched(optimizer(), Math.min(steps(), 50), new Random(14));
    }

    @Test
    default void updatesInPartsAsWhole() {
        Assumptions.assumeTrue(optimizer().updatesInParts(), "this optimizer updates whole tensors only");
        OptimizerChecks.updatesInPartsAsWhole(optimizer(), 260, new Random(15));
    }

    @Test
    default void specRoundTripsThroughTheLookup() {
        Plugins plugins = plugins();
        PluginChecks.roundTrip(optimizer(), plugins::optimizer);
    }

    @Test
    default void isDiscoverableByName() {
        PluginChecks.discoverable(Optimizer.class, optimizer(), plugins());
    }
}
