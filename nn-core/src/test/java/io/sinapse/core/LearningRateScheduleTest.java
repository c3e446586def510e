package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each schedule gives the rates its formula says, worked out by hand; the trainer hands them to the optimizer. */
class LearningRateScheduleTest {

    private static final History NONE = new History();

    private static double[] rates(LearningRateSchedule schedule, double base, int epochs) {
        double[] rates = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
            rates[e - 1] = schedule.rate(e, base, NONE);
        }
        return rates;
    }

    private static void assertRates(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15, what + ", epoch " + (i + 1));
        }
    }

    @Test
    void constantKeepsTheBaseRate() {
        assertRates(new double[]{0.1, 0.1, 0.1}, rates(LearningRateSchedule.constant(), 0.1, 3), "constant");
    }

    @Test
    void stepDecayHalvesEveryTwoEpochs() {
        // ⌊(e − 1)/2⌋ = 0 0 1 1 2 → 0.8, 0.8, 0.4, 0.4, 0.2.
        assertRates(new double[]{0.8, 0.8, 0.4, 0.4, 0.2}, rates(LearningRateSchedule.stepDecay(0.5, 2), 0.8, 5),
                "step decay 0.5 every 2");
    }

    @Test
    void exponentialDecayMultipliesByGammaEachEpoch() {
        // 1, 0.9, 0.81, 0.729.
        assertRates(new double[]{1, 0.9, 0.81, 0.729}, rates(LearningRateSchedule.exponential(0.9), 1, 4),
                "exponential 0.9");
    }

    @Test
    void cosineAnnealsFromTheBaseToTheMinimumAndStaysThere() {
        // Period 4, base 1, minimum 0.2: t = 0 1 2 3 4 4 → cos(πt/4) = 1, √½, 0, −√½, −1, −1.
        double h = Math.sqrt(0.5);
        double[] expected = {1, 0.2 + 0.8 * (1 + h) / 2, 0.6, 0.2 + 0.8 * (1 - h) / 2, 0.2, 0.2};
        double[] actual = rates(LearningRateSchedule.cosine(4, 0.2), 1, 6);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "cosine, epoch " + (i + 1));
        }
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovement() {
        // Validation losses 1.0, 0.9, 0.95, 0.92, 0.91, 0.85, 0.86, 0.87 with factor 0.5, patience 2, minDelta 0.
        // Epoch 1, 2 improve; 3, 4 do not → after epoch 4 the rate halves, count restarts; 5 does not improve
        // (0.91 > 0.9); 6 improves; 7, 8 do not → after epoch 8 it halves again.
        double[] losses = {1.0, 0.9, 0.95, 0.92, 0.91, 0.85, 0.86, 0.87};
        double[] expectedBefore = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25};
        LearningRateSchedule schedule = LearningRateSchedule.reduceOnPlateau(0.5, 2, 0, 0.01);
        History history = new History();
        for (int e = 1; e <= expectedBefore.length; e++) {
            assertEquals(expectedBefore[e - 1], schedule.rate(e, 1, history), 1e-15, "rate for epoch " + e);
            if (e <= losses.length) {
                history.add(new Epoch(e, 5, losses[e - 1], Double.NaN, Double.NaN, 0, 0));
            }
        }
    }

    @Test
    void reduceOnPlateauRespectsMinDeltaMinRateAndFallsBackToTheTrainingLoss() {
        // No validation set: training losses 1.0, 0.99, 0.98, 0.97 all improve by less than minDelta 0.05, so every
        // epoch after the first is a bad one; with patience 1 the rate is cut after epochs 2, 3, 4, floored at 0.3.
        History history = new History();
        double[] losses = {1.0, 0.99, 0.98, 0.97};
        for (int e = 1; e <= losses.length; e++) {
            history.add(new Epoch(e, losses[e - 1], Double.NaN, Double.NaN, Double.NaN, 0, 0));
        }
        assertEquals(0.3, LearningRateSchedule.reduceOnPlateau(0.5, 1, 0.05, 0.3).rate(5, 1, history), 1e-15,
                "1 → 0.5 → 0.3 (floored, not 0.25) → 0.3");
        assertEquals(0.125, LearningRateSchedule.reduceOnPlateau(0.5, 1, 0.05, 0).rate(5, 1, history), 1e-15);
    }

    @Test
    void theTrainerUsesTheScheduledRateForEveryUpdateAndRecordsIt() {
        Dataset data = Dataset.of(new float[][]{{0}, {1}, {2}, {3}}, new float[][]{{0}, {1}, {2}, {3}});
        RecordingOptimizer optimizer = new RecordingOptimizer(0.01);
        Network network = Network.builder(1).dense(1).seed(1).build();
        History history = Trainer.builder().loss("mse").optimizer(optimizer).epochs(5).batchSize(2)
                .schedule(LearningRateSchedule.stepDecay(0.1, 2)).build().fit(network, data);
        double[] expected = {0.01, 0.01, 0.001, 0.001, 0.0001};
        // Two batches per epoch, two tensors (weights, bias) per step: 4 updates per epoch.
        assertEquals(5 * 4, optimizer.rates.size());
        for (int i = 0; i < optimizer.rates.size(); i++) {
            assertEquals(expected[i / 4], optimizer.rates.get(i), 1e-15, "update " + i + " (epoch " + (i / 4 + 1) + ")");
        }
        List<Epoch> epochs = history.epochs();
        for (int e = 0; e < 5; e++) {
            assertEquals(expected[e], epochs.get(e).learningRate(), 1e-15, "Epoch.learningRate of epoch " + (e + 1));
        }
    }

    @Test
    void badSchedulesAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.stepDecay(1.5, 10));
        assertTrue(e.getMessage().contains("(0, 1]") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0.5, 0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(0, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.reduceOnPlateau(1, 5, 0, 0));
        Dataset data = Dataset.of(new float[][]{{0}}, new float[][]{{0}});
        IllegalStateException negative = assertThrows(IllegalStateException.class,
                () -> Trainer.builder().loss("mse").schedule((epoch, base, history) -> -base).build()
                        .fit(Network.builder(1).dense(1).build(), data));
        assertTrue(negative.getMessage().contains("epoch 1") && negative.getMessage().contains(">= 0"),
                negative.getMessage());
    }
}
