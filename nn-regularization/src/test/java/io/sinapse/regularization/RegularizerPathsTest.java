package io.sinapse.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The float fast path computes what the double reference path does, and only over the first count weights. */
class RegularizerPathsTest {

    static List<Regularizer> regularizers() {
        Plugins plugins = Plugins.load();
        return List.of(plugins.regularizer("l1(lambda=0.3)"), plugins.regularizer("l2(lambda=0.3)"),
                plugins.regularizer("elastic_net(lambda=0.3, l1_ratio=0.25)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regularizers")
    void floatPathAgreesWithDoublePath(Regularizer regularizer) {
        float[] w = Weights.toFloat(Weights.SAMPLE);
        double[] wd = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            wd[i] = w[i]; // the same values, so only the arithmetic differs
        }
        double expected = regularizer.penalty(wd, wd.length);
        // both paths widen each weight to double and sum in double: the same arithmetic on the same values
        assertEquals(expected, regularizer.penalty(w, w.length), regularizer + " penalty");

        double[] gradsD = new double[w.length];
        float[] gradsF = new float[w.length];
        regularizer.addGradient(wd, gradsD, wd.length);
        regularizer.addGradient(w, gradsF, w.length);
        for (int i = 0; i < w.length; i++) {
            // the float path rounds each derivative to float once: 2⁻²⁴ ≈ 6e-8 relative
            assertEquals(gradsD[i], gradsF[i], 1e-7 * Math.max(1e-3, Math.abs(gradsD[i])), regularizer + " gradient " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regularizers")
    void readsAndWritesOnlyTheFirstCountWeights(Regularizer regularizer) {
        float[] w = {1, -2, 100, 100};
        float[] grads = {0, 0, 7, 7};
        assertEquals(regularizer.penalty(new float[] {1, -2}, 2), regularizer.penalty(w, 2), 0,
                regularizer + ": weights past count must not count");
        regularizer.addGradient(w, grads, 2);
        assertEquals(7f, grads[2], regularizer + ": gradient past count changed");
        assertEquals(7f, grads[3], regularizer + ": gradient past count changed");
    }
}
