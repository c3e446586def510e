package io.sinapse.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import io.sinapse.testkit.LossContract;
import io.sinapse.testkit.Samples;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossEntropyTest implements LossContract {

    @Override
    public Loss loss() {
        return new CrossEntropy();
    }

    /** Class labels, one per row. */
    @Override
    public double[] targets(Random random, int rows, int cols) {
        return Samples.oneHotRows(random, rows, cols);
    }

    /**
     * For a one-hot row the infimum is only approached as a logit goes to infinity, so the minimum test uses soft
     * rows, whose minimum is attained at logits log(t) (softmax(log t) = t).
     */
    @Override
    public double[] minimumTargets(Random random, int rows, int cols) {
        return Samples.probabilityRows(random, rows, cols);
    }

    @Override
    public double[] minimizer(double[] target, int rows, int cols) {
        double[] logits = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            logits[i] = Math.log(target[i]);
        }
        return logits;
    }

    /** The minimum is the entropy of the target row. */
    @Override
    public boolean zeroAtMinimum() {
        return false;
    }

    @Test
    void fusesSoftmax() {
        assertEquals(Optional.of("softmax"), loss().fusedActivation());
    }

    @Test
    void equalLogitsCostLogOfTheNumberOfClasses() {
        double[] logits = {0.5, 0.5, 0.5, 0.5, 2, 2, 2, 2};
        double[] target = {0, 1, 0, 0, 0, 0, 0, 1};
        assertEquals(Math.log(4), Values.value(loss(), logits, target, 2, 4), 1e-15, "−log ¼ in each row");
        assertArrayEquals(new double[] {0.125, -0.375, 0.125, 0.125, 0.125, 0.125, 0.125, -0.375},
                Values.gradient(loss(), logits, target, 2, 4), "(softmax − t) / rows = (¼ − t) / 2");
    }

    @Test
    void hugeLogitsStayFinite() {
        assertEquals(0.0, Values.value(loss(), new double[] {1000, 0, -1000}, new double[] {1, 0, 0}, 1, 3),
                "the right class by a margin of 1000 costs nothing, with no overflow on the way");
        assertEquals(2000.0, Values.value(loss(), new double[] {1000, 0, -1000}, new double[] {0, 0, 1}, 1, 3),
                1e-12, "the wrong class by 2000 costs 2000, not infinity");
    }

    /**
     * What fusing means: the gradient with respect to the logits equals softmax's backward pass applied to the
     * gradient of −Σ t log y with respect to the probabilities y = softmax(z), which is −t / (y · rows); and the
     * value equals −Σ t log y averaged over rows. Softmax comes from nn-activations through the lookup.
     */
    @Test
    void equalsSoftmaxFollowedByLogLoss() {
        Activation softmax = Plugins.load().activation("softmax");
        int rows = 3;
        int cols = 4;
        Random random = new Random(5);
        double[] logits = Samples.uniform(random, rows * cols, -3, 3);
        double[] target = Samples.probabilityRows(random, rows, cols);

        double[] y = new double[rows * cols];
        softmax.forward(logits, y, rows, cols);
        double logLoss = 0;
        double[] gradY = new double[rows * cols];
        for (int i = 0; i < rows * cols; i++) {
            logLoss -= target[i] * Math.log(y[i]) / rows;
            gradY[i] = -target[i] / (y[i] * rows);
        }
        double[] chained = new double[rows * cols];
        softmax.backward(logits, y, gradY, chained, rows, cols);

        assertEquals(logLoss, Values.value(loss(), logits, target, rows, cols), 1e-14, "value");
        assertArrayEquals(chained, Values.gradient(loss(), logits, target, rows, cols), 1e-15, "gradient");
    }

    @Test
    void matchesPyTorch() {
        PyTorchFixture.assertMatches("cross_entropy");
    }
}
