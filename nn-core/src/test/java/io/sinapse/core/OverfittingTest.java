package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course's closing claims, reproduced on small seeded problems: a large network on a small noisy training set
 * overfits (training loss keeps falling while validation loss turns and rises), early stopping catches the turn,
 * dropout narrows the gap, L1 zeroes the weights of useless inputs while L2 only shrinks weights.
 */
class OverfittingTest {

    private static final int EPOCHS = 600;
    private static final int PATIENCE = 20;

    /** y = sin(πx/3) + N(0, 0.3²), x uniform in [−3, 3]: one period of a sine, noisy. */
    private static Dataset noisySine(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            double a = random.nextDouble() * 6 - 3;
            x[i] = (float) a;
            y[i] = (float) (Math.sin(Math.PI * a / 3) + 0.3 * random.nextGaussian());
        }
        return new Dataset(x, 1, y, 1);
    }

    /** 24 training examples for a 1 → 64 → 64 → 1 network of 4 353 parameters: room to memorise the noise. */
    private static final Dataset TRAIN = noisySine(24, 1);
    private static final Dataset VALIDATION = noisySine(100, 2);

    private static Network bigNetwork(double dropout) {
        Network.Builder builder = Network.builder(1).dense(64, "tanh");
        if (dropout > 0) {
            builder.dropout(dropout);
        }
        builder.dense(64, "tanh");
        if (dropout > 0) {
            builder.dropout(dropout);
        }
        return builder.dense(1).seed(3).build();
    }

    private static Trainer.Builder trainer() {
        return Trainer.builder().loss("mse").optimizer("adam(lr=0.005)").epochs(EPOCHS).batchSize(24)
                .validation(VALIDATION).seed(1);
    }

    /** A trained network and its curves. */
    private record Run(Network network, History history) {
    }

    private static Run withoutDropout;

    /** The {@value #EPOCHS}-epoch run without dropout, which both tests below look at: trained once. */
    private static synchronized Run withoutDropout() {
        if (withoutDropout == null) {
            Network network = bigNetwork(0);
            withoutDropout = new Run(network, trainer().build().fit(network, TRAIN));
        }
        return withoutDropout;
    }

    private static int argmin(double[] values, int upTo) {
        int best = 0;
        for (int i = 1; i < upTo; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void bigNetworkOverfitsAndEarlyStoppingStopsAtTheTurnWithTheBestWeights() {
        History full = withoutDropout().history();
        double[] train = full.losses();
        double[] validation = full.validationLosses();
        int turn = argmin(validation, EPOCHS);
        assertEquals(turn + 1, full.bestValidationEpoch(), "History reports the validation minimum");
        // The validation curve turns, then rises while the training loss keeps falling.
        assertTrue(turn + 1 < EPOCHS / 2, "validation minimum in epoch " + (turn + 1) + " of " + EPOCHS);
        assertTrue(validation[EPOCHS - 1] > 1.5 * validation[turn], "validation loss rose from "
                + validation[turn] + " (epoch " + (turn + 1) + ") to " + validation[EPOCHS - 1]);
        assertTrue(train[EPOCHS - 1] < 0.5 * train[turn], "training loss kept falling: " + train[turn] + " in epoch "
                + (turn + 1) + ", " + train[EPOCHS - 1] + " at the end");
        for (int e = turn + 100; e < EPOCHS; e += 100) {
            assertTrue(validation[e] > validation[turn] && train[e] < train[turn],
                    "epoch " + (e + 1) + ": training " + train[e] + ", validation " + validation[e]);
        }

        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(PATIENCE);
        Network network = bigNetwork(0);
        Trainer withStopping = trainer().listener(stopping).build();
        History stopped = withStopping.fit(network, TRAIN);
        // Listening does not change training: the curves agree with the full run up to the stop.
        double[] prefix = java.util.Arrays.copyOf(validation, stopped.size());
        assertArrayEquals(prefix, stopped.validationLosses(), "same seeds, same curve");
        assertEquals(turn + 1, stopping.bestEpoch(), "early stopping's best epoch is the full run's validation minimum");
        assertEquals(stopping.bestEpoch() + PATIENCE, stopping.stoppedEpoch(), "stopped patience epochs after it");
        assertEquals(stopping.stoppedEpoch(), stopped.size());
        assertTrue(stopped.stopReason().startsWith("early stopping"), stopped.stopReason());
        assertEquals(validation[turn], withStopping.evaluate(network, VALIDATION), 1e-6,
                "the restored weights score the minimum's validation loss");
        System.out.printf("Overfitting: validation minimum %.4f in epoch %d (training %.4f); early stopping stopped"
                        + " in epoch %d; without it, epoch %d: training %.4f, validation %.4f%n",
                validation[turn], turn + 1, train[turn], stopping.stoppedEpoch(), EPOCHS, train[EPOCHS - 1],
                validation[EPOCHS - 1]);
    }

    @Test
    void dropoutNarrowsTheGapBetweenTrainingAndValidationLoss() {
        double[] gaps = new double[2];
        double[] validationLosses = new double[2];
        double[] rates = {0, 0.2};
        Trainer trainer = trainer().build();
        for (int i = 0; i < 2; i++) {
            Network network;
            if (rates[i] == 0) {
                network = withoutDropout().network();
            } else {
                network = bigNetwork(rates[i]);
                trainer.fit(network, TRAIN);
            }
            // Both measured at inference (dropout off), so the comparison is fair.
            double train = trainer.evaluate(network, TRAIN);
            validationLosses[i] = trainer.evaluate(network, VALIDATION);
            gaps[i] = validationLosses[i] - train;
            System.out.printf("Dropout %.1f after %d epochs: training %.4f, validation %.4f, gap %.4f%n", rates[i],
                    EPOCHS, train, validationLosses[i], gaps[i]);
        }
        assertTrue(gaps[1] < 0.6 * gaps[0], "gap with dropout " + gaps[1] + " vs without " + gaps[0]);
        assertTrue(validationLosses[1] < validationLosses[0],
                "validation loss with dropout " + validationLosses[1] + " vs without " + validationLosses[0]);
    }

    /**
     * Ten features whose columns are ±1 columns of a 16 × 16 Hadamard matrix: orthogonal, zero-mean, each of squared
     * length 16. Only the first three matter: y = 2·x0 − 3·x1 + x2 + N(0, 0.5²).
     */
    private static Dataset orthogonalDesign() {
        int n = 16;
        int features = 10;
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[n * features];
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                // Sylvester's Hadamard matrix: H[r][c] = (−1)^popcount(r & c); column c = j + 1 skips the ones.
                x[r * features + j] = Integer.bitCount(r & (j + 1)) % 2 == 0 ? 1 : -1;
            }
            y[r] = (float) (2 * x[r * features] - 3 * x[r * features + 1] + x[r * features + 2]
                    + 0.5 * random.nextGaussian());
        }
        return new Dataset(x, features, y, 1);
    }

    private static float[] linearWeights(String regularizer) {
        Network network = Network.builder(10).dense(1).seed(1).build();
        Trainer.Builder settings = Trainer.builder().loss("mse").optimizer("sgd(lr=0.005)").epochs(1500)
                .batchSize(16).seed(1);
        if (regularizer != null) {
            settings.regularizer(regularizer);
        }
        settings.build().fit(network, orthogonalDesign());
        return network.parameters().get(0).value().clone();
    }

    @Test
    void l1ZeroesTheWeightsOfIrrelevantFeaturesWhileL2ShrinksAllWithoutZeroing() {
        // With orthogonal columns (XᵀX = 16·I) the mean squared error separates per weight:
        // ∂MSE/∂w_j = 2·(w_j − b_j) with b_j = Σ_r x_rj·y_r / 16, the least-squares weight. So the minimum is known:
        // λ = 0 → b_j; L2 (½λw², gradient λw) → 2b_j / (2 + λ); L1 (λ|w|) → sign(b_j)·max(0, |b_j| − λ/2).
        Dataset data = orthogonalDesign();
        double[] b = new double[10];
        for (int j = 0; j < 10; j++) {
            for (int r = 0; r < 16; r++) {
                b[j] += data.features()[r * 10 + j] * data.targets()[r] / 16.0;
            }
        }
        double lambda1 = 0.6;
        double lambda2 = 0.6;
        float[] plain = linearWeights(null);
        float[] l1 = linearWeights("l1(lambda=" + lambda1 + ")");
        float[] l2 = linearWeights("l2(lambda=" + lambda2 + ")");
        int plainSmall = 0;
        int l1Small = 0;
        int l2Small = 0;
        for (int j = 0; j < 10; j++) {
            assertEquals(b[j], plain[j], 1e-4, "λ = 0: least squares, weight " + j);
            assertEquals(2 * b[j] / (2 + lambda2), l2[j], 1e-4, "L2: 2b/(2 + λ), weight " + j);
            double soft = Math.signum(b[j]) * Math.max(0, Math.abs(b[j]) - lambda1 / 2);
            // Plain subgradient descent on |w| does not land on 0: it steps across it, back and forth, by up to
            // lr·λ = 0.003. So "zero" means within 1e-2 of it, and the other weights within that of the formula.
            assertEquals(soft, l1[j], 1e-2, "L1: soft threshold, weight " + j);
            plainSmall += Math.abs(plain[j]) < 1e-2 ? 1 : 0;
            l1Small += Math.abs(l1[j]) < 1e-2 ? 1 : 0;
            l2Small += Math.abs(l2[j]) < 1e-2 ? 1 : 0;
        }
        for (int j = 3; j < 10; j++) {
            assertTrue(Math.abs(l1[j]) < 1e-2, "L1 zeroes irrelevant feature " + j + ": " + l1[j]);
            assertTrue(Math.abs(l2[j]) > 0.5 * Math.abs(plain[j]) && Math.abs(l2[j]) < Math.abs(plain[j]),
                    "L2 shrinks irrelevant weight " + j + " from " + plain[j] + " to " + l2[j] + " without zeroing it");
        }
        for (int j = 0; j < 3; j++) {
            assertTrue(Math.abs(l1[j]) > 0.5, "L1 keeps relevant feature " + j + ": " + l1[j]);
        }
        assertEquals(7, l1Small, "L1: the 7 irrelevant weights within 1e-2 of 0");
        assertEquals(plainSmall, l2Small, "L2 brings no more weights near 0 than λ = 0 does");
        System.out.printf("Weights |w| < 1e-2: λ=0 %d of 10, L1 %d, L2 %d; irrelevant weights:%n  λ=0 %s%n  L1  %s%n"
                        + "  L2  %s%n", plainSmall, l1Small, l2Small, tail(plain), tail(l1), tail(l2));
    }

    private static String tail(float[] w) {
        StringBuilder text = new StringBuilder();
        for (int j = 3; j < w.length; j++) {
            text.append(String.format(" %+.4f", w[j]));
        }
        return text.toString();
    }
}
