package io.sinapse.regularization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Parameters;
import io.sinapse.api.Regularizer;
import io.sinapse.testkit.GradientCheck;
import io.sinapse.testkit.RegularizerContract;
import org.junit.jupiter.api.Test;

/**
 * {@code l2}: penalties and gradients computed by hand, and the testkit's contract, whose gradient
 * check compares addGradient with central finite differences of penalty in double.
 */
class L2Test implements RegularizerContract {

    @Override
    public Regularizer regularizer() {
        return new L2();
    }

    private final Regularizer l2 = new L2().withParameters(Parameters.of("lambda", 0.5));

    @Test
    void penaltyIsHalfLambdaTimesTheSumOfSquares() {
        // 0.5/2·(1 + 4 + 0)
        assertEquals(1.25, l2.penalty(new double[] {1, -2, 0}, 3), 1e-15, "double path");
        assertEquals(1.25, l2.penalty(new float[] {1, -2, 0}, 3), 1e-15, "float path");
    }

    @Test
    void gradientIsLambdaTimesTheWeight() {
        double[] grads = new double[3];
        l2.addGradient(new double[] {1, -2, 0}, grads, 3);
        assertArrayEquals(new double[] {0.5, -1, 0}, grads, 0, "λ·w");
    }

    @Test
    void withSgdItIsWeightDecay() {
        // w − lr·(g + λw) = (1 − lr·λ)·w − lr·g: torch.optim.SGD(lr, weight_decay=λ)
        double lr = 0.1;
        double[] w = {2, -1, 0.5};
        double[] g = {0.3, 0, -0.2};
        double[] grads = g.clone();
        l2.addGradient(w, grads, 3);
        double[] stepped = new double[3];
        for (int i = 0; i < 3; i++) {
            stepped[i] = w[i] - lr * grads[i];
        }
        // (1 − 0.05)·[2, −1, 0.5] − 0.1·[0.3, 0, −0.2] = [1.9 − 0.03, −0.95, 0.475 + 0.02]
        assertArrayEquals(new double[] {1.87, -0.95, 0.495}, stepped, 1e-15, "one SGD step with l2(lambda=0.5)");
    }

    @Test
    void gradientMatchesFiniteDifferencesIncludingAtZero() {
        GradientCheck.regularizer(new L2(), Weights.SAMPLE, Weights.SAMPLE.length, kinks());
        GradientCheck.regularizer(l2, Weights.SAMPLE, Weights.SAMPLE.length, kinks());
    }

    @Test
    void defaultLambdaIs0point01() {
        assertEquals(Parameters.of("lambda", 0.01), new L2().parameters(), "defaults");
    }
}
