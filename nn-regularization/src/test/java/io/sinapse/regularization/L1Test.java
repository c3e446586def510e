package io.sinapse.regularization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Parameters;
import io.sinapse.api.Regularizer;
import io.sinapse.testkit.GradientCheck;
import io.sinapse.testkit.RegularizerContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code l1}: penalties and gradients computed by hand, and the testkit's contract, whose gradient
 * check compares addGradient with central finite differences of penalty in double.
 */
class L1Test implements RegularizerContract {

    @Override
    public Regularizer regularizer() {
        return new L1();
    }

    @Override
    public List<Double> kinks() {
        return List.of(0.0); // |w| has no derivative at 0
    }

    private final Regularizer l1 = new L1().withParameters(Parameters.of("lambda", 0.5));

    @Test
    void penaltyIsLambdaTimesTheSumOfAbsoluteValues() {
        // 0.5·(1 + 2 + 0)
        assertEquals(1.5, l1.penalty(new double[] {1, -2, 0}, 3), 1e-15, "double path");
        assertEquals(1.5, l1.penalty(new float[] {1, -2, 0}, 3), 1e-15, "float path");
    }

    @Test
    void gradientIsLambdaTimesTheSignAndZeroAtZero() {
        double[] grads = new double[3];
        l1.addGradient(new double[] {1, -2, 0}, grads, 3);
        assertArrayEquals(new double[] {0.5, -0.5, 0}, grads, 0, "λ·sign(w), subgradient 0 at w = 0");
    }

    @Test
    void subgradientAtZeroIsZeroOnBothPaths() {
        assertEquals(0.0, new L1().derivative(0.0), "at +0");
        assertEquals(0.0, Math.abs(new L1().derivative(-0.0)), "at -0");
        float[] grads = {0.25f};
        new L1().addGradient(new float[] {0}, grads, 1);
        assertEquals(0.25f, grads[0], "a weight at 0 adds nothing to its gradient");
    }

    @Test
    void addsToTheGradientAlreadyThere() {
        float[] grads = {1, 1, 1};
        l1.addGradient(new float[] {3, -3, 0}, grads, 3);
        assertArrayEquals(new float[] {1.5f, 0.5f, 1}, grads, "loss gradient + λ·sign(w)");
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.regularizer(new L1(), Weights.SAMPLE, Weights.SAMPLE.length, kinks());
        GradientCheck.regularizer(l1, Weights.SAMPLE, Weights.SAMPLE.length, kinks());
    }

    @Test
    void defaultLambdaIs0point01() {
        assertEquals(Parameters.of("lambda", 0.01), new L1().parameters(), "defaults");
    }
}
