package io.sinapse.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Per-epoch record of a training run, and why it stopped. */
public final class History {

    private final List<Epoch> epochs = new ArrayList<>();
    private String stopReason = "not finished";

    void add(Epoch epoch) {
        epochs.add(epoch);
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }

    public List<Epoch> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The last epoch, or null before the first. */
    public Epoch last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    public int size() {
        return epochs.size();
    }

    /** The training loss of each epoch, in order. */
    public double[] losses() {
        return epochs.stream().mapToDouble(Epoch::loss).toArray();
    }

    /** The validation loss of each epoch, in order (NaN where there was none). */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(Epoch::validationLoss).toArray();
    }

    /**
     * The number of the epoch with the lowest validation loss (the first, on ties): where the validation curve
     * turned, and overfitting began if training went on. 0 when no epoch measured a validation loss.
     */
    public int bestValidationEpoch() {
        int best = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (Epoch epoch : epochs) {
            if (epoch.validationLoss() < lowest) {
                lowest = epoch.validationLoss();
                best = epoch.number();
            }
        }
        return best;
    }

    /** E.g. "reached the minimum error 0.001", "reached the maximum of 100 epochs". */
    public String stopReason() {
        return stopReason;
    }
}
