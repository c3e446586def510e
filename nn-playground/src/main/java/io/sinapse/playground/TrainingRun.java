package io.sinapse.playground;

import io.sinapse.core.Accuracy;
import io.sinapse.core.EarlyStopping;
import io.sinapse.core.Epoch;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.core.TrainingControl;
import io.sinapse.core.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One training run of a session: the library's {@link Trainer} fitting the {@link Model}'s network on a
 * background thread, listened to between epochs. The listener is where the page's buttons take effect (pause
 * waits there, step lets one epoch through, stop asks the trainer to stop) and where the pictures of the moment
 * are taken and sent, at most one frame per frame interval (and at every pause and at the end).
 *
 * <p>Early stopping is the library's {@link EarlyStopping}, told about each epoch by this listener, so it can
 * tell when the validation curve turned and put back the best weights at the end.
 */
final class TrainingRun implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** Loss curves longer than this are sent thinned out (every k-th epoch, and the last). */
    private static final int MAX_CURVE_POINTS = 600;

    /** Where a run is; the page shows the word. */
    enum State {
        PAUSED, RUNNING, FINISHED, STOPPED, FAILED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int id;
    private final Model model;
    private final Session session;
    private final long frameIntervalNanos;
    private final Trainer trainer;
    private final EarlyStopping earlyStopping;
    private final Pictures pictures;

    private final Object lock = new Object();
    private State state = State.PAUSED;
    private boolean stopRequested;
    private int permits;

    // Touched by the training thread only.
    private TrainingControl control;
    private boolean stopAsked;
    private double[] losses = new double[64];
    private double[] validationLosses = new double[64];
    private int epochs;
    private long lastFrame;
    private long frameCost;
    private int framedEpoch = -1;
    private long nextEpochAt;

    TrainingRun(int id, Model model, Session session, long frameIntervalMillis) {
        this.id = id;
        this.model = model;
        this.session = session;
        this.frameIntervalNanos = frameIntervalMillis * 1_000_000L;
        Settings s = model.settings;
        Trainer.Builder builder = Trainer.builder().loss(model.loss).optimizer(model.optimizer)
                .epochs(s.epochs()).batchSize(s.batchSize()).seed(s.seed()).listener(this);
        if (model.regularizer != null) {
            builder.regularizer(model.regularizer);
        }
        if (model.validation != null) {
            builder.validation(model.validation);
        }
        this.trainer = builder.build();
        this.earlyStopping = s.earlyStopping() ? EarlyStopping.onValidationLoss().patience(s.patience()) : null;
        this.pictures = new Pictures(model);
    }

    int id() {
        return id;
    }

    State state() {
        synchronized (lock) {
            return state;
        }
    }

    boolean ended() {
        State s = state();
        return s == State.FINISHED || s == State.STOPPED || s == State.FAILED;
    }

    /** What the page needs to draw this run before its first frame: the data, the network's shape, the settings. */
    Map<String, Object> describe() {
        Settings s = model.settings;
        return Json.object("run", id, "settings", s.toJson(),
                "task", model.classification ? "classification" : "regression",
                "classes", model.data.classes().map(c -> (Object) c.names()).orElse(null),
                "network", model.describe(), "widths", model.widths(),
                "loss", model.loss.spec(), "optimizer", model.optimizer.spec(),
                "regularizer", model.regularizer == null ? null : model.regularizer.spec(),
                "trainRows", model.train.rows(), "validationRows", model.validation == null ? 0 : model.validation.rows(),
                "extent", model.extent, "points", model.points());
    }

    /** Starts training on {@code executor}; paused, it waits before the first epoch for a step or resume. */
    void start(Executor executor, boolean paused) {
        synchronized (lock) {
            state = paused ? State.PAUSED : State.RUNNING;
        }
        sendState(null);
        executor.execute(this::train);
    }

    private void train() {
        try {
            trainer.fit(model.network, model.train);
        } catch (RuntimeException e) {
            // The loss became NaN, a plug-in threw: the page says so, the server carries on.
            LOG.debug("Run {} of session {} failed", id, session.id, e);
            finish(State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    void pause() {
        change(State.PAUSED, 0);
    }

    void resume() {
        change(State.RUNNING, 0);
    }

    /** Lets exactly one more epoch run, then pauses. */
    void step() {
        change(State.PAUSED, 1);
    }

    private void change(State next, int addPermits) {
        boolean changed;
        synchronized (lock) {
            if (stopRequested || state == State.FINISHED || state == State.STOPPED || state == State.FAILED) {
                return;
            }
            changed = state != next;
            state = next;
            permits += addPermits;
            lock.notifyAll();
        }
        if (changed) {
            sendState(null);
        }
    }

    /** Asks the trainer to stop after the epoch under way; the run ends as stopped. */
    void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    // ---- the trainer's side ----

    @Override
    public void onTrainingStart(TrainingControl trainerControl) {
        this.control = new TrainingControl() {
            @Override
            public Network network() {
                return trainerControl.network();
            }

            @Override
            public History history() {
                return trainerControl.history();
            }

            @Override
            public int maxEpochs() {
                return trainerControl.maxEpochs();
            }

            @Override
            public void stop(String reason) {
                stopAsked = true;
                trainerControl.stop(reason);
            }
        };
        if (earlyStopping != null) {
            earlyStopping.onTrainingStart(control);
        }
        record(0, trainer.evaluate(model.network, model.train),
                model.validation == null ? Double.NaN : trainer.evaluate(model.network, model.validation));
        frame(0);
        gate(0);
    }

    @Override
    public void onEpochEnd(Epoch epoch, TrainingControl ignored) {
        record(epoch.number(), epoch.loss(), epoch.validationLoss());
        if (earlyStopping != null) {
            earlyStopping.onEpochEnd(epoch, control);
        }
        boolean last = epoch.number() >= control.maxEpochs() || stopAsked;
        if (last) {
            return; // onTrainingEnd sends the final frame
        }
        if (System.nanoTime() - lastFrame >= Math.max(frameIntervalNanos, 4 * frameCost)) {
            frame(epoch.number());
        }
        gate(epoch.number());
    }

    @Override
    public void onTrainingEnd(History history) {
        if (earlyStopping != null) {
            earlyStopping.onTrainingEnd(history);
        }
        boolean stopped;
        synchronized (lock) {
            stopped = stopRequested;
        }
        if (stopped) {
            finish(State.STOPPED, "stopped after epoch " + history.size());
            return;
        }
        frame(history.size());
        String reason = history.stopReason();
        if (earlyStopping != null && earlyStopping.stopped()) {
            reason += "; the weights of epoch " + earlyStopping.bestEpoch() + " were put back";
        }
        finish(State.FINISHED, reason);
    }

    /**
     * Waits while paused (unless a step lets one epoch through) and, at a set speed, until the next epoch is due;
     * asks the trainer to stop when the run is stopped. Sends the frame of the epoch it waits after.
     */
    private void gate(int epoch) {
        while (true) {
            boolean waitPaused;
            synchronized (lock) {
                if (stopRequested) {
                    control.stop("stopped");
                    return;
                }
                if (state == State.PAUSED && permits > 0) {
                    permits--;
                    break;
                }
                waitPaused = state == State.PAUSED;
                if (!waitPaused) {
                    long delay = nextEpochAt - System.nanoTime();
                    if (delay <= 0) {
                        break;
                    }
                    waitQuietly(Math.max(1, delay / 1_000_000));
                    continue;
                }
            }
            if (framedEpoch != epoch) {
                frame(epoch);
            }
            synchronized (lock) {
                while (state == State.PAUSED && permits == 0 && !stopRequested) {
                    waitQuietly(0);
                }
            }
        }
        int speed = model.settings.speed();
        nextEpochAt = speed == 0 ? 0 : System.nanoTime() + 1_000_000_000L / speed;
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    private void record(int epoch, double loss, double validationLoss) {
        if (epoch >= losses.length) {
            losses = Arrays.copyOf(losses, losses.length * 2);
            validationLosses = Arrays.copyOf(validationLosses, validationLosses.length * 2);
        }
        losses[epoch] = loss;
        validationLosses[epoch] = validationLoss;
        epochs = epoch + 1;
    }

    /** Takes the pictures of the network as it is after {@code epoch} and queues them for the page. */
    private void frame(int epoch) {
        synchronized (lock) {
            if (stopRequested) {
                return;
            }
        }
        long started = System.nanoTime();
        Map<String, Object> frame = Json.object("run", id, "epoch", epoch, "epochs", model.settings.epochs(),
                "loss", losses[epoch], "validationLoss", validationLosses[epoch],
                "accuracy", model.classification ? Accuracy.of(model.network, model.train) : null,
                "validationAccuracy", model.classification && model.validation != null
                        ? Accuracy.of(model.network, model.validation) : null,
                "curve", curve(), "prediction", pictures.prediction(), "weights", pictures.weights());
        session.send("frame", frame);
        framedEpoch = epoch;
        lastFrame = System.nanoTime();
        frameCost = lastFrame - started;
    }

    /** The loss curves from epoch 0, every k-th epoch when they are long (always with the last). */
    private Map<String, Object> curve() {
        int stride = (epochs + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS;
        int[] at = new int[epochs / stride + 2];
        int n = 0;
        for (int e = 0; e < epochs; e += stride) {
            at[n++] = e;
        }
        if (at[n - 1] != epochs - 1) {
            at[n++] = epochs - 1;
        }
        double[] loss = new double[n];
        double[] validation = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = losses[at[i]];
            validation[i] = validationLosses[at[i]];
        }
        return Json.object("epoch", Arrays.copyOf(at, n), "loss", loss,
                "validationLoss", model.validation == null ? null : validation);
    }

    private void finish(State end, String message) {
        synchronized (lock) {
            state = end;
            lock.notifyAll();
        }
        LOG.debug("Run {} of session {}: {} ({})", id, session.id, end.word(), message);
        sendState(message);
    }

    private void sendState(String message) {
        session.send("state", Json.object("run", id, "state", state().word(), "message", message));
    }
}
