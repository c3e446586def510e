package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Ascii;
import io.sinapse.app.report.Charts;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.EarlyStopping;
import io.sinapse.core.Epoch;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.data.SyntheticDatasets;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;

/**
 * The course's last lesson: a large network on a small noisy set overfits, seen on the validation curve; early
 * stopping stops near the turn and puts back the best weights; dropout narrows the gap.
 */
final class OverfittingLesson implements Lesson {

    static final int TRAIN = 40;
    static final int VALIDATION = 200;
    static final double NOISE = 0.3;
    static final int UNITS = 64;
    static final int EPOCHS = 600;
    static final int PATIENCE = 50;
    static final double DROPOUT = 0.3;
    static final String OPTIMIZER = "adam(lr=0.01)";
    /** The epochs the curve table shows, besides the validation minimum. */
    static final int[] ROWS = {1, 10, 25, 50, 100, 200, 300, 400, 500, 600};

    /** A finished run: the trained network, its curves, and its losses and accuracies measured at inference. */
    record Run(Network network, History history, double trainLoss, double validationLoss, double trainAccuracy,
               double validationAccuracy) {

        double gap() {
            return validationLoss - trainLoss;
        }
    }

    @Override
    public String name() {
        return "overfitting";
    }

    @Override
    public String title() {
        return "Overfitting: the validation curve turns; early stopping and dropout";
    }

    @Override
    public String summary() {
        return "a big network on 40 noisy points: training vs validation loss, the epoch it turns, early stopping,"
                + " dropout";
    }

    @Override
    public void teach(Context c) {
        Dataset train = SyntheticDatasets.twoMoons(TRAIN, NOISE, c.seed()).dataset();
        Dataset validation = SyntheticDatasets.twoMoons(VALIDATION, NOISE, c.seed() + 1).dataset();
        int weights = network(c, 0).parameters().stream().mapToInt(t -> t.size()).sum();
        c.say("A network with far more weights than examples can memorise its training data, noise included: the"
                + " training loss keeps falling while the loss on data it never saw stops falling and rises again."
                + " That turn is where overfitting begins; the course sees it \"a partir da época 280\". Here a"
                + " 2-" + UNITS + "-" + UNITS + "-2 network (tanh, softmax, " + weights + " weights) learns the "
                + TRAIN + " noisy moon points of the regularization lesson for " + EPOCHS + " epochs (cross-entropy, "
                + OPTIMIZER + ", full batch). " + VALIDATION + " other points are the validation set: measured after"
                + " every epoch, never trained on.");

        Run plain = fit(c, network(c, 0), train, validation, null);
        double[] trainCurve = plain.history().losses();
        double[] validationCurve = plain.history().validationLosses();
        int turn = plain.history().bestValidationEpoch();
        c.table(curveTable(plain.history(), turn));
        c.out().println("  training    " + Ascii.sparkline(trainCurve, 60));
        c.out().println("  validation  " + Ascii.sparkline(validationCurve, 60));
        double lowest = validationCurve[turn - 1];
        double lastTrain = trainCurve[EPOCHS - 1];
        double lastValidation = validationCurve[EPOCHS - 1];
        boolean overfits = turn < EPOCHS && lastValidation > lowest && lastTrain < trainCurve[turn - 1];
        c.say("Validation minimum: " + Num.format(lowest) + " in epoch " + turn + " (training loss "
                + Num.format(trainCurve[turn - 1]) + " then). " + (overfits
                ? "After it the training loss kept falling, to " + Num.format(lastTrain) + " in epoch " + EPOCHS
                + ", while the validation loss rose to " + Num.format(lastValidation) + ": the network is overfitting"
                + " from epoch " + turn + " on. It ends " + Num.percent(plain.trainAccuracy()) + " right on its "
                + TRAIN + " points and " + Num.percent(plain.validationAccuracy()) + " on the new ones: it learnt the"
                + " noise of its points, not the moons."
                : "The validation loss was still at its lowest at the end: no overfitting within " + EPOCHS
                + " epochs this time."));

        c.heading("Early stopping (patience " + PATIENCE + ")");
        EarlyStopping stopping = EarlyStopping.onValidationLoss().patience(PATIENCE);
        Run stopped = fit(c, network(c, 0), train, validation, stopping);
        if (stopping.stopped()) {
            c.say("The same training, watched by early stopping: it stopped in epoch " + stopping.stoppedEpoch()
                    + " = best epoch " + stopping.bestEpoch() + " + patience " + PATIENCE + " (" + PATIENCE
                    + " epochs without a lower validation loss) and put back the weights of epoch "
                    + stopping.bestEpoch() + ". The restored network scores a validation loss of "
                    + Num.format(stopped.validationLoss()) + " (its best was " + Num.format(stopping.bestValue())
                    + ") and " + Num.percent(stopped.validationAccuracy()) + " right, against "
                    + Num.format(plain.validationLoss()) + " and " + Num.percent(plain.validationAccuracy())
                    + " after all " + EPOCHS + " epochs, in " + Num.percent((double) stopping.stoppedEpoch() / EPOCHS)
                    + " of the epochs.");
            if (stopping.bestEpoch() != turn) {
                c.say("Its best epoch is not the full run's minimum (epoch " + turn + "): the validation loss rested"
                        + " for " + PATIENCE + " epochs after epoch " + stopping.bestEpoch() + " before it fell"
                        + " again. Patience is a bet on how long a pause may last; a larger one waits longer and"
                        + " costs more epochs.");
            }
        } else {
            c.say("The same training, watched by early stopping: the validation loss never went " + PATIENCE
                    + " epochs without improving, so it ran all " + EPOCHS + " epochs and put back the weights of"
                    + " epoch " + stopping.bestEpoch() + " (validation loss " + Num.format(stopped.validationLoss())
                    + ").");
        }

        c.heading("Dropout (rate " + Num.format(DROPOUT) + ")");
        Run dropped = fit(c, network(c, DROPOUT), train, validation, null);
        c.say("Dropout removes each hidden neuron's output at random with probability " + Num.format(DROPOUT)
                + " in every training step, so no neuron can count on another to fit one noisy point. The same"
                + " network with a dropout layer after each hidden layer, " + EPOCHS + " epochs; both measured at"
                + " inference, where dropout is off:");
        Table gaps = new Table("network", "training loss", "validation loss", "gap", "training acc.",
                "validation acc.");
        gaps.row("no dropout", Num.format(plain.trainLoss()), Num.format(plain.validationLoss()),
                Num.format(plain.gap()), Num.percent(plain.trainAccuracy()), Num.percent(plain.validationAccuracy()));
        gaps.row("dropout " + Num.format(DROPOUT), Num.format(dropped.trainLoss()),
                Num.format(dropped.validationLoss()), Num.format(dropped.gap()), Num.percent(dropped.trainAccuracy()),
                Num.percent(dropped.validationAccuracy()));
        c.table(gaps);
        c.say(dropped.gap() < plain.gap()
                ? "The gap between validation and training loss shrank from " + Num.format(plain.gap()) + " to "
                + Num.format(dropped.gap()) + (dropped.validationLoss() < plain.validationLoss()
                ? ", and the validation loss is lower too: less memorised, more learnt."
                : "; it fits the training points less closely.")
                : "This time dropout did not narrow the gap (" + Num.format(dropped.gap()) + " against "
                + Num.format(plain.gap()) + ").");

        int stopEpoch = stopping.stoppedEpoch();
        c.report().chart(() -> {
            JFreeChart chart = Charts.marked(Charts.lines("Training and validation loss without dropout", "epoch",
                    "loss (cross-entropy)", List.of(Charts.Series.perEpoch("training", trainCurve),
                            Charts.Series.perEpoch("validation", validationCurve)), true),
                    turn, "validation minimum, epoch " + turn);
            return stopEpoch == 0 ? chart : Charts.marked(chart, stopEpoch, "early stopping, epoch " + stopEpoch);
        });
        c.report().chart(() -> Charts.lines("With dropout " + Num.format(DROPOUT) + ": a smaller gap", "epoch",
                "loss (cross-entropy)", List.of(Charts.Series.perEpoch("training", trainCurve),
                        Charts.Series.perEpoch("validation", validationCurve),
                        Charts.Series.perEpoch("training, dropout (while dropping)", dropped.history().losses()),
                        Charts.Series.perEpoch("validation, dropout", dropped.history().validationLosses())), true));
    }

    static Network network(Context c, double dropout) {
        Network.Builder builder = Fit.network(c, 2).dense(UNITS, "tanh");
        if (dropout > 0) {
            builder.dropout(dropout);
        }
        builder.dense(UNITS, "tanh");
        if (dropout > 0) {
            builder.dropout(dropout);
        }
        return builder.dense(2, "softmax").build();
    }

    private static Run fit(Context c, Network network, Dataset train, Dataset validation, EarlyStopping stopping) {
        Trainer.Builder builder = Fit.trainer(c, "cross_entropy", OPTIMIZER, EPOCHS, TRAIN).validation(validation);
        if (stopping != null) {
            builder.listener(stopping);
        }
        Trainer trainer = builder.build();
        History history = trainer.fit(network, train);
        return new Run(network, history, trainer.evaluate(network, train), trainer.evaluate(network, validation),
                Accuracy.of(network, train), Accuracy.of(network, validation));
    }

    /** The curves at the epochs of {@link #ROWS} and at the validation minimum (marked). */
    private static Table curveTable(History history, int turn) {
        List<Integer> epochs = new ArrayList<>();
        for (int e : ROWS) {
            epochs.add(e);
        }
        if (!epochs.contains(turn)) {
            epochs.add(turn);
            epochs.sort(Integer::compare);
        }
        Table table = new Table("epoch", "training loss", "validation loss", "training acc.", "validation acc.", "");
        for (int e : epochs) {
            Epoch epoch = history.epochs().get(e - 1);
            table.row(e, Num.format(epoch.loss()), Num.format(epoch.validationLoss()), Num.percent(epoch.accuracy()),
                    Num.percent(epoch.validationAccuracy()), e == turn ? "← validation minimum" : "");
        }
        return table;
    }
}
