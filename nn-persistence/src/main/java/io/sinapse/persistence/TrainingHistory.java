package io.sinapse.persistence;

import io.sinapse.core.Epoch;
import io.sinapse.core.History;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What training measured, epoch by epoch, and why it stopped: the part of {@link History} a saved model keeps.
 * (History itself can only be filled by the trainer, hence this immutable twin.)
 *
 * @param epochs     in order, numbered from 1
 * @param stopReason e.g. "reached the maximum of 100 epochs"; empty when the model was not trained
 */
public record TrainingHistory(List<Epoch> epochs, String stopReason) {

    /** No training recorded. */
    public static final TrainingHistory NONE = new TrainingHistory(List.of(), "");

    public TrainingHistory {
        epochs = List.copyOf(epochs);
        stopReason = Objects.requireNonNullElse(stopReason, "");
    }

    /** The epochs and stop reason of a finished training run. */
    public static TrainingHistory of(History history) {
        return new TrainingHistory(history.epochs(), history.stopReason());
    }

    /**
     * This history followed by {@code resumed}, a run that continued from a checkpoint: its epochs are numbered to
     * follow on (whether it counted from 1 or, with {@code initialEpoch}, from here), and its stop reason becomes
     * the whole run's.
     */
    public TrainingHistory then(History resumed) {
        List<Epoch> all = new ArrayList<>(epochs);
        for (Epoch e : resumed.epochs()) {
            all.add(new Epoch(all.size() + 1, e.loss(), e.validationLoss(), e.accuracy(),
                    e.validationAccuracy(), e.learningRate(), e.seconds()));
        }
        return new TrainingHistory(all, resumed.stopReason());
    }

    /** The training loss of each epoch, in order. */
    public double[] losses() {
        return epochs.stream().mapToDouble(Epoch::loss).toArray();
    }
}
