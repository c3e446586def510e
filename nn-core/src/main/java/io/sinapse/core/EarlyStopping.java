package io.sinapse.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Early stopping, the course's last remedy for overfitting: watch the validation curve and stop training once it
 * has stopped improving, then put back the weights it had at its best.
 *
 * <p>After each epoch the monitored value (the validation loss unless told otherwise) is compared with the best so
 * far: it improves when it is lower than {@code best − minDelta} (or higher than {@code best + minDelta} for a
 * value to maximise, like accuracy). After {@code patience} epochs in a row without improvement training stops.
 * At the end, whatever stopped it, the values of every tensor are restored to their copy from the best epoch
 * (unless {@link #restoreBestWeights(boolean) turned off}).
 *
 * <p>{@link #bestEpoch()} is where the validation curve turned: from there on the network fits the training data
 * better and the held-out data worse, the overfitting the course sees "from epoch 280".
 *
 * <pre>{@code
 * EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(20).minDelta(1e-4);
 * Trainer.builder().validationSplit(0.2).listener(stopping).epochs(1000).build().fit(network, data);
 * stopping.bestEpoch();   // where overfitting began
 * stopping.stoppedEpoch(); // where training stopped, bestEpoch() + patience
 * }</pre>
 *
 * <p>One instance watches one run at a time; {@link #onTrainingStart} resets it for the next. A run resumed with
 * {@link Trainer.Builder#resumeAfter} replays the epochs done ({@link #onResume}), so the best value and the patience
 * count go on from them, when the monitored value is in the epochs' records (the validation loss or accuracy, or a
 * {@code ToDoubleFunction<Epoch>}); a {@link Monitor} that measures the network cannot be replayed and starts
 * afresh. The weights of a best epoch before the resume are not there to restore: if no later epoch beats it, the
 * weights are left as training ends (and a line is logged).
 */
public final class EarlyStopping implements TrainingListener {

    /** Whether smaller or larger values of the monitored quantity are better. */
    public enum Mode {
        /** Losses: lower is better. */
        MIN,
        /** Accuracy, F1: higher is better. */
        MAX
    }

    /** What early stopping watches: a number per epoch, computed from the epoch's record and the run. */
    @FunctionalInterface
    public interface Monitor {
        double measure(Epoch epoch, TrainingControl control);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    private final String name;
    private final Monitor monitor;
    /** The monitored value read from an epoch's record, or null when the monitor measures more than the record. */
    private final ToDoubleFunction<Epoch> recorded;
    private final Mode mode;
    private int patience = 10;
    private double minDelta = 0;
    private boolean restoreBestWeights = true;

    private TrainingControl control;
    private double best;
    private int bestEpoch;
    private int stoppedEpoch;
    private List<float[]> bestWeights;
    /** How many epochs were done before this run resumed (0 for a run from the start). */
    private int epochsDoneBefore;

    private EarlyStopping(String name, Monitor monitor, ToDoubleFunction<Epoch> recorded, Mode mode) {
        if (name == null || monitor == null || mode == null) {
            throw new IllegalArgumentException("early stopping needs a name, a monitor and a mode");
        }
        this.name = name;
        this.monitor = monitor;
        this.recorded = recorded;
        this.mode = mode;
        reset();
    }

    /** Watches the validation loss (lower is better). */
    public static EarlyStopping onValidationLoss() {
        return on("validation loss", Epoch::validationLoss, Mode.MIN);
    }

    /** Watches the validation accuracy (higher is better). */
    public static EarlyStopping onValidationAccuracy() {
        return on("validation accuracy", Epoch::validationAccuracy, Mode.MAX);
    }

    /** Watches a number from each epoch's record, e.g. {@code Epoch::loss} with {@link Mode#MIN}. */
    public static EarlyStopping on(String name, ToDoubleFunction<Epoch> metric, Mode mode) {
        Monitor monitor = metric == null ? null : (epoch, control) -> metric.applyAsDouble(epoch);
        return new EarlyStopping(name, monitor, metric, mode);
    }

    /**
     * Watches any number, e.g. the macro F1 on a validation set:
     * {@code on("validation F1", (e, c) -> ConfusionMatrix.of(c.network(), validation).macroF1(), Mode.MAX)}.
     */
    public static EarlyStopping on(String name, Monitor monitor, Mode mode) {
        return new EarlyStopping(name, monitor, null, mode);
    }

    /** Epochs without improvement to wait before stopping (default 10, at least 1). */
    public EarlyStopping patience(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience is the number of epochs without improvement to wait and must"
                    + " be at least 1, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /** The smallest change that counts as an improvement (default 0, must be >= 0). */
    public EarlyStopping minDelta(double minDelta) {
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("minDelta is the smallest change that counts as an improvement and must"
                    + " be a number >= 0, got " + minDelta);
        }
        this.minDelta = minDelta;
        return this;
    }

    /** Whether to put back the best epoch's weights when training ends (default yes). */
    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    public int patience() {
        return patience;
    }

    public double minDelta() {
        return minDelta;
    }

    /** The epoch with the best monitored value: where the validation curve turned. 0 before the first epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value seen (NaN before the first epoch). */
    public double bestValue() {
        return bestEpoch == 0 ? Double.NaN : best;
    }

    /** The epoch in which early stopping stopped training, or 0 if training ended for another reason. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Whether early stopping ended the last run. */
    public boolean stopped() {
        return stoppedEpoch > 0;
    }

    private void reset() {
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        bestEpoch = 0;
        stoppedEpoch = 0;
        bestWeights = null;
        epochsDoneBefore = 0;
    }

    private boolean improves(double value) {
        return mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
    }

    @Override
    public void onTrainingStart(TrainingControl control) {
        this.control = control;
        reset();
    }

    /**
     * Replays the epochs done before a resumed run, when the monitored value is in their records: the best value
     * and its epoch (and so the patience count) go on from them. Epochs without the value (no validation set then)
     * are passed over.
     */
    @Override
    public void onResume(List<Epoch> epochsDone, TrainingControl control) {
        epochsDoneBefore = epochsDone.size();
        if (recorded == null) {
            return;
        }
        for (Epoch epoch : epochsDone) {
            double value = recorded.applyAsDouble(epoch);
            if (!Double.isNaN(value) && improves(value)) {
                best = value;
                bestEpoch = epoch.number();
            }
        }
    }

    @Override
    public void onEpochEnd(Epoch epoch, TrainingControl control) {
        double value = monitor.measure(epoch, control);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("Early stopping watches the " + name + ", which was not measured in epoch "
                    + epoch.number() + (name.startsWith("validation")
                    ? ": give the trainer a validation set with .validation(data) or .validationSplit(fraction)"
                    : ""));
        }
        if (improves(value)) {
            best = value;
            bestEpoch = epoch.number();
            if (restoreBestWeights) {
                bestWeights = copy(control.network(), bestWeights);
            }
        } else if (epoch.number() - bestEpoch >= patience) {
            stoppedEpoch = epoch.number();
            control.stop("early stopping: the " + name + " has not improved for " + patience + " epochs since its best, "
                    + best + " in epoch " + bestEpoch);
        }
    }

    @Override
    public void onTrainingEnd(History history) {
        if (restoreBestWeights && bestWeights != null && control != null) {
            List<Tensor> tensors = control.network().parameters();
            for (int i = 0; i < tensors.size(); i++) {
                tensors.get(i).set(bestWeights.get(i));
            }
        } else if (restoreBestWeights && bestEpoch > 0 && bestEpoch <= epochsDoneBefore) {
            LOG.info("Early stopping: the best {}, {} in epoch {}, came before the run resumed; its weights were not"
                    + " kept, so the weights stay as training ended", name, best, bestEpoch);
        }
    }

    /** Copies every tensor's values, into {@code into}'s arrays when there are any (no allocation per epoch). */
    private static List<float[]> copy(Network network, List<float[]> into) {
        List<Tensor> tensors = network.parameters();
        if (into == null) {
            List<float[]> values = new ArrayList<>();
            tensors.forEach(tensor -> values.add(tensor.value().clone()));
            return values;
        }
        for (int i = 0; i < tensors.size(); i++) {
            float[] value = tensors.get(i).value();
            System.arraycopy(value, 0, into.get(i), 0, value.length);
        }
        return into;
    }

    @Override
    public String toString() {
        return "EarlyStopping(" + name + ", " + mode + ", patience=" + patience + ", minDelta=" + minDelta + ")";
    }
}
