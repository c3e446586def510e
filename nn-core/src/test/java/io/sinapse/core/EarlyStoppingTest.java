package io.sinapse.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Early stopping's bookkeeping on value sequences worked out by hand, without training. */
class EarlyStoppingTest {

    /** A control over a one-weight network whose weight is set to the epoch number, so restores are visible. */
    private static final class FakeControl implements TrainingControl {
        final Network network = new Network(1, java.util.List.of(new Dense(1, 1)));
        final History history = new History();
        String stopReason;

        @Override
        public Network network() {
            return network;
        }

        @Override
        public History history() {
            return history;
        }

        @Override
        public int maxEpochs() {
            return 100;
        }

        @Override
        public void stop(String reason) {
            stopReason = reason;
        }

        float weight() {
            return network.parameters().get(0).value()[0];
        }
    }

    /** Feeds validation losses (or accuracies) one per epoch until the listener stops; returns the epochs run. */
    private static int run(EarlyStopping stopping, FakeControl control, double[] values, boolean accuracy) {
        stopping.onTrainingStart(control);
        return feed(stopping, control, 0, values, accuracy);
    }

    /**
     * Feeds the values as epochs {@code epochsBefore + 1}, … (each setting the weight to its number) until the
     * listener stops, then ends training; returns the last epoch run.
     */
    private static int feed(EarlyStopping stopping, FakeControl control, int epochsBefore, double[] values,
                            boolean accuracy) {
        int epoch = epochsBefore;
        for (int i = 0; i < values.length && control.stopReason == null; i++) {
            epoch++;
            control.network.parameters().get(0).value()[0] = epoch;
            double v = values[i];
            Epoch record = accuracy ? new Epoch(epoch, 0, 0, 0, v, 0, 0) : new Epoch(epoch, 0, v, 0, 0, 0, 0);
            control.history.add(record);
            stopping.onEpochEnd(record, control);
        }
        stopping.onTrainingEnd(control.history);
        return epoch;
    }

    @Test
    void stopsPatienceEpochsAfterTheBestAndRestoresItsWeights() {
        // Best 0.7 in epoch 4; epochs 5, 6, 7 do not improve → stop in epoch 7 with patience 3.
        double[] losses = {1.0, 0.9, 0.8, 0.7, 0.75, 0.72, 0.71, 0.5};
        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(3);
        FakeControl control = new FakeControl();
        assertEquals(7, run(stopping, control, losses, false));
        assertEquals(4, stopping.bestEpoch());
        assertEquals(0.7, stopping.bestValue());
        assertEquals(4, control.history.bestValidationEpoch(), "the history agrees");
        assertEquals(7, stopping.stoppedEpoch());
        assertTrue(stopping.stopped());
        assertEquals(4f, control.weight(), "the weights of epoch 4 are back");
        assertTrue(control.stopReason.contains("validation loss") && control.stopReason.contains("epoch 4"),
                control.stopReason);
    }

    @Test
    void minDeltaIgnoresImprovementsTooSmallToCount() {
        // minDelta 0.05: 0.9 improves on 1.0; 0.87 and 0.86 are within 0.05 of 0.9, so they do not count.
        double[] losses = {1.0, 0.9, 0.87, 0.86, 0.84, 0.83, 0.82, 0.1};
        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(2).minDelta(0.05);
        FakeControl control = new FakeControl();
        // Patience 2 after epoch 2: epochs 3, 4 bad → stop in epoch 4, before 0.84 is seen.
        assertEquals(4, run(stopping, control, losses, false));
        assertEquals(2, stopping.bestEpoch());
        EarlyStopping patient = EarlyStopping.onValidationLoss().patience(3).minDelta(0.05);
        FakeControl other = new FakeControl();
        assertEquals(8, run(patient, other, losses, false), "0.84 in epoch 5 counts, then 0.1 in epoch 8 too");
        assertEquals(8, patient.bestEpoch());
        assertFalse(patient.stopped(), "training ran out of epochs first");
        assertNull(other.stopReason);
    }

    @Test
    void maximisesAccuracy() {
        double[] accuracies = {0.5, 0.7, 0.9, 0.85, 0.9, 0.88};
        EarlyStopping stopping = EarlyStopping.onValidationAccuracy().patience(3);
        FakeControl control = new FakeControl();
        assertEquals(6, run(stopping, control, accuracies, true));
        assertEquals(3, stopping.bestEpoch(), "0.9 again in epoch 5 is not better than 0.9");
        assertEquals(3f, control.weight());
    }

    @Test
    void watchesAnyNumberTheCallerChooses() {
        // The training loss (in the loss field): a record-based monitor.
        EarlyStopping onTraining = EarlyStopping.on("training loss", Epoch::loss, EarlyStopping.Mode.MIN).patience(1);
        FakeControl control = new FakeControl();
        onTraining.onTrainingStart(control);
        double[] losses = {3, 2, 2.5};
        for (int e = 1; e <= 3 && control.stopReason == null; e++) {
            onTraining.onEpochEnd(new Epoch(e, losses[e - 1], Double.NaN, 0, 0, 0, 0), control);
        }
        assertEquals(2, onTraining.bestEpoch());
        assertEquals(3, onTraining.stoppedEpoch());
        assertTrue(control.stopReason.contains("training loss"), control.stopReason);
        // A monitor that looks at the network itself: here its one weight, maximised.
        EarlyStopping onWeight = EarlyStopping.on("weight",
                (epoch, c) -> c.network().parameters().get(0).value()[0], EarlyStopping.Mode.MAX).patience(2);
        FakeControl other = new FakeControl();
        assertEquals(4, run(onWeight, other, new double[]{0, 0, 0, 0}, false));
        assertEquals(4, onWeight.bestEpoch(), "the weight is the epoch number, so every epoch improves");
        assertFalse(onWeight.stopped());
    }

    @Test
    void restoringCanBeTurnedOff() {
        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(1).restoreBestWeights(false);
        FakeControl control = new FakeControl();
        assertEquals(3, run(stopping, control, new double[]{1, 0.5, 0.6, 0.7}, false));
        assertEquals(3f, control.weight(), "the last weights stay");
    }

    @Test
    void aReusedInstanceStartsAfresh() {
        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(2);
        run(stopping, new FakeControl(), new double[]{0.1, 0.2, 0.3}, false);
        FakeControl second = new FakeControl();
        run(stopping, second, new double[]{5, 4, 3, 2}, false);
        assertEquals(4, stopping.bestEpoch());
        assertFalse(stopping.stopped());
        assertArrayEquals(new float[]{4f}, second.network.parameters().get(0).value());
    }

    @Test
    void withoutAValidationSetItSaysHowToAddOne() {
        EarlyStopping stopping = EarlyStopping.onValidationLoss();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(stopping, new FakeControl(), new double[]{Double.NaN}, false));
        assertTrue(e.getMessage().contains(".validation(") && e.getMessage().contains(".validationSplit("),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.onValidationLoss().patience(0));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.onValidationLoss().minDelta(-1));
    }

    /** Validation-loss records of epochs 1, 2, … as a resumed run receives them. */
    private static java.util.List<Epoch> done(double... losses) {
        java.util.List<Epoch> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            epochs.add(new Epoch(i + 1, 0, losses[i], 0, 0, 0, 0));
        }
        return epochs;
    }

    /** Resumes after the epochs {@code done}, then feeds validation losses as the epochs after them. */
    private static int resume(EarlyStopping stopping, FakeControl control, java.util.List<Epoch> done,
                              double... losses) {
        stopping.onTrainingStart(control);
        stopping.onResume(done, control);
        return feed(stopping, control, done.size(), losses, false);
    }

    @Test
    void aResumedRunCountsPatienceFromTheBestOfTheEpochsDone() {
        // Done: best 0.6 in epoch 2 (NaN in epoch 3: no validation then). Epoch 5 does not improve: 5 − 2 = 3.
        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(3);
        FakeControl control = new FakeControl();
        assertEquals(5, resume(stopping, control, done(1.0, 0.6, Double.NaN, 0.8), 0.65, 0.1));
        assertEquals(2, stopping.bestEpoch());
        assertEquals(0.6, stopping.bestValue());
        assertEquals(5, stopping.stoppedEpoch());
        assertEquals(5f, control.weight(), "epoch 2's weights are not there to restore: the last ones stay");

        // A later epoch that beats the epochs done is kept, and restored.
        EarlyStopping again = EarlyStopping.onValidationLoss().patience(3);
        FakeControl other = new FakeControl();
        assertEquals(8, resume(again, other, done(1.0, 0.6, 0.7, 0.8), 0.5, 0.55, 0.56, 0.57, 0.1));
        assertEquals(5, again.bestEpoch());
        assertEquals(5f, other.weight(), "epoch 5's weights are back");
    }

    @Test
    void aMonitorThatMeasuresTheNetworkIsNotReplayedOnResume() {
        EarlyStopping stopping = EarlyStopping.on("validation loss, measured",
                (epoch, control) -> epoch.validationLoss(), EarlyStopping.Mode.MIN).patience(3);
        FakeControl control = new FakeControl();
        assertEquals(8, resume(stopping, control, done(1.0, 0.6, 0.7, 0.8), 0.65, 0.7, 0.7, 0.7, 0.7));
        assertEquals(5, stopping.bestEpoch(), "the count starts at the resume");
        assertEquals(5f, control.weight());
    }
}
