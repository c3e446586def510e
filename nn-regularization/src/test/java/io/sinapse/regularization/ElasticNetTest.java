package io.sinapse.regularization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Parameters;
import io.sinapse.api.Regularizer;
import io.sinapse.testkit.GradientCheck;
import io.sinapse.testkit.RegularizerContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code elastic_net}: penalties and gradients computed by hand, and the testkit's contract, whose gradient
 * check compares addGradient with central finite differences of penalty in double.
 */
class ElasticNetTest implements RegularizerContract {

    @Override
    public Regularizer regularizer() {
        return new ElasticNet();
    }

    @Override
    public List<Double> kinks() {
        return List.of(0.0); // |w| has no derivative at 0
    }

    private final Regularizer half = new ElasticNet().withParameters(Parameters.of("lambda", 0.5));

    @Test
    void penaltyMixesL1AndL2() {
        // 0.5·(0.5·(1 + 2 + 0) + 0.5/2·(1 + 4 + 0)) = 0.5·(1.5 + 1.25)
        assertEquals(1.375, half.penalty(new double[] {1, -2, 0}, 3), 1e-15, "double path");
        assertEquals(1.375, half.penalty(new float[] {1, -2, 0}, 3), 1e-15, "float path");
    }

    @Test
    void gradientMixesL1AndL2AndIsZeroAtZero() {
        double[] grads = new double[3];
        half.addGradient(new double[] {1, -2, 0}, grads, 3);
        // 0.5·(0.5·[1, −1, 0] + 0.5·[1, −2, 0])
        assertArrayEquals(new double[] {0.5, -0.75, 0}, grads, 1e-15, "λ·(r·sign(w) + (1 − r)·w)");
    }

    @Test
    void ratioOneIsL1AndRatioZeroIsL2() {
        Parameters lambda = Parameters.of("lambda", 0.3);
        Regularizer l1Like = new ElasticNet().withParameters(lambda.and("l1_ratio", 1));
        Regularizer l2Like = new ElasticNet().withParameters(lambda.and("l1_ratio", 0));
        double[] w = Weights.SAMPLE;
        int n = w.length;
        assertEquals(new L1().withParameters(lambda).penalty(w, n), l1Like.penalty(w, n), 1e-15, "l1_ratio=1 penalty");
        assertEquals(new L2().withParameters(lambda).penalty(w, n), l2Like.penalty(w, n), 1e-15, "l1_ratio=0 penalty");
        double[] expected = new double[n];
        double[] actual = new double[n];
        new L1().withParameters(lambda).addGradient(w, expected, n);
        l1Like.addGradient(w, actual, n);
        assertArrayEquals(expected, actual, 1e-15, "l1_ratio=1 gradient");
    }

    @ParameterizedTest(name = "l1_ratio={0}")
    @ValueSource(doubles = {0, 0.2, 0.5, 0.9, 1})
    void gradientMatchesFiniteDifferences(double ratio) {
        Regularizer net = new ElasticNet().withParameters(Parameters.of("lambda", 0.7).and("l1_ratio", ratio));
        GradientCheck.regularizer(net, Weights.SAMPLE, Weights.SAMPLE.length, ratio > 0 ? kinks() : List.of());
    }

    @Test
    void defaults() {
        assertEquals(Parameters.of("lambda", 0.01).and("l1_ratio", 0.5), new ElasticNet().parameters(), "defaults");
    }
}
