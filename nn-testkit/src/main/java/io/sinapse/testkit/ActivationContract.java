package io.sinapse.testkit;

import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link Activation} must pass. Implement it in a test class and return the activation under test:
 * <pre>{@code
 * class SwishTest implements ActivationContract {
 *     public Activation activation() { return new Swish(); }
 * }
 * }</pre>
 * and JUnit runs every {@code @Test} default method below. Override the hooks when the function needs it: {@link
 * #kinks()} for points without a derivative, {@link #inputs} for a narrower domain. To skip a test that cannot apply,
 * override its method without {@code @Test}, and say why.
 *
 * <p>Each test calls a static check ({@link GradientCheck}, {@link ActivationChecks}, {@link PluginChecks}) over
 * several seeded random batches of a few shapes and over {@link ActivationChecks#EDGE_VALUES}; a failure names the
 * seed, the shape, the position and the values involved.
 */
public interface ActivationContract {

    /** The activation under test, configured as it should be tested. */
    Activation activation();

    /**
     * Inputs where the function has no derivative; the gradient check skips inputs within
     * {@link GradientCheck#KINK_MARGIN} of them. {@code List.of(0.0)} for relu and leaky_relu (a kink) and for
     * threshold (a jump, with derivative 0 on either side).
     */
    default List<Double> kinks() {
        return List.of();
    }

    /** Random pre-activations for a {@code rows × cols} batch: uniform in [-4, 4] unless overridden. */
    default double[] inputs(Random random, int rows, int cols) {
        return Samples.uniform(random, rows * cols, -4, 4);
    }

    /** Inputs checked besides random ones; {@link ActivationChecks#EDGE_VALUES} unless overridden. */
    default List<Double> edgeValues() {
        return ActivationChecks.EDGE_VALUES;
    }

    /** The lookup the registration tests ask; the module path and class path unless overridden. */
    default Plugins plugins() {
        return Plugins.load();
    }

    @Test
    default void backwardMatchesFiniteDifferencesOfForward() {
        Trials.forEach((random, rows, cols) -> GradientCheck.activation(activation(), inputs(random, rows, cols),
                gradOut(random, rows, cols), rows, cols, kinks()));
    }

    @Test
    default void backwardMatchesFiniteDifferencesAtEdgeValues() {
        Trials.forEachLayout(edgeValues(), (random, rows, cols) -> GradientCheck.activation(activation(),
                Trials.floats(edgeValues()), gradOut(random, rows, cols), rows, cols, kinks()));
    }

    @Test
    default void floatPathAgreesWithDoublePath() {
        Trials.forEach((random, rows, cols) -> ActivationChecks.floatAgreesWithDouble(activation(),
                inputs(random, rows, cols), gradOut(random, rows, cols), rows, cols));
        Trials.forEachLayout(edgeValues(), (random, rows, cols) -> ActivationChecks.floatAgreesWithDouble(
                activation(), Trials.floats(edgeValues()), gradOut(random, rows, cols), rows, cols));
    }

    @Test
    default void rowsAreComputedIndependently() {
        Trials.forEach((random, rows, cols) -> ActivationChecks.rowsAreIndependent(activation(),
                inputs(random, rows, cols), gradOut(random, rows, cols), rows, cols));
    }

    /** For an element-wise activation: each value's result does not depend on the size of the call. */
    @Test
    default void elementwiseValuesAreComputedIndependently() {
        Trials.forEach((random, rows, cols) -> ActivationChecks.valuesAreIndependent(activation(),
                inputs(random, rows, cols), gradOut(random, rows, cols), rows, cols));
    }

    @Test
    default void leavesArrayTailsUntouched() {
        Trials.forEach((random, rows, cols) -> ActivationChecks.leavesArrayTailsUntouched(activation(),
                inputs(random, rows, cols), gradOut(random, rows, cols), rows, cols));
    }

    @Test
    default void backwardAllowsGradZToAliasGradOut() {
        Trials.forEach((random, rows, cols) -> ActivationChecks.allowsGradZToAliasGradOut(activation(),
                inputs(random, rows, cols), gradOut(random, rows, cols), rows, cols));
    }

    @Test
    default void nanInGivesNanOut() {
        Trials.forEach((random, rows, cols) -> ActivationChecks.nanInGivesNanOut(activation(),
                inputs(random, rows, cols), gradOut(random, rows, cols), rows, cols));
    }

    @Test
    default void specRoundTripsThroughTheLookup() {
        Plugins plugins = plugins();
        PluginChecks.roundTrip(activation(), plugins::activation);
    }

    @Test
    default void isDiscoverableByName() {
        PluginChecks.discoverable(Activation.class, activation(), plugins());
    }

    private static double[] gradOut(Random random, int rows, int cols) {
        return Samples.uniform(random, rows * cols, -1, 1);
    }
}
