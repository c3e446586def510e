package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Ascii;
import io.sinapse.app.report.Charts;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.data.SyntheticDatasets;

import java.util.ArrayList;
import java.util.List;

/** Batch, stochastic and mini-batch gradient descent, momentum and Adam, on one problem from one start. */
final class GradientDescentLesson implements Lesson {

    static final int SAMPLES = 200;
    static final int EPOCHS = 100;

    /** One flavour of gradient descent: an optimizer and a batch size (0 = the whole dataset). */
    record Method(String name, String optimizer, int batchSize, String idea) {
    }

    static final List<Method> METHODS = List.of(
            new Method("batch", "sgd(lr=0.3)", 0, "one update per epoch, from the error of every example"),
            new Method("stochastic", "sgd(lr=0.3)", 1, "one update per example, in a new random order each epoch"),
            new Method("mini-batch", "sgd(lr=0.3)", 16, "one update per batch of 16"),
            new Method("momentum", "momentum(lr=0.1, momentum=0.9)", 16,
                    "mini-batches, and each step keeps 90% of the previous one, like a rolling bowling ball"),
            new Method("adam", "adam(lr=0.01)", 16,
                    "mini-batches, momentum plus a per-weight step size from the recent squared gradients"));

    /** What one method did. */
    record Result(Method method, int batchSize, Fit.Outcome outcome, double accuracy) {
        long updates() {
            return (long) outcome.epochs() * ((SAMPLES + batchSize - 1) / batchSize);
        }
    }

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public String title() {
        return "Gradient descent: batch, stochastic, mini-batch, momentum and Adam";
    }

    @Override
    public String summary() {
        return "the five flavours on one problem from the same initial weights: final losses and loss curves";
    }

    @Override
    public void teach(Context c) {
        Dataset moons = SyntheticDatasets.twoMoons(SAMPLES, 0.2, c.seed()).dataset();
        c.say("Gradient descent finds the weights that minimise the loss by stepping against the gradient,"
                + " w := w − η·∇w. The flavours differ in how many examples each step looks at and in how they"
                + " use past steps. One problem for all: two interleaving moons (" + SAMPLES + " points), a 2-8-2"
                + " network (tanh, sigmoid) with mse, " + EPOCHS + " epochs, the same initial weights (seed "
                + c.seed() + ").");
        List<Result> results = run(c, moons);
        Table table = new Table("method", "optimizer", "batch", "updates", "final loss", "accuracy",
                "loss per epoch");
        for (Result r : results) {
            table.row(r.method().name(), r.method().optimizer(), r.batchSize(), r.updates(),
                    r.outcome().diverged() ? "diverged" : Num.format(r.outcome().finalLoss()),
                    Num.percent(r.accuracy()), Ascii.sparkline(r.outcome().losses(), 30));
        }
        c.table(table);
        c.gap();
        for (Result r : results) {
            c.say("  " + r.method().name() + ": " + r.method().idea() + ".");
        }
        Result best = results.stream().filter(r -> !r.outcome().diverged())
                .min((a, b) -> Double.compare(a.outcome().finalLoss(), b.outcome().finalLoss())).orElseThrow();
        Result batch = results.get(0);
        Result stochastic = results.get(1);
        boolean moreUpdatesHelped = stochastic.outcome().finalLoss() < batch.outcome().finalLoss();
        c.say("Lowest final loss: " + best.method().name() + " (" + Num.format(best.outcome().finalLoss())
                + "). Batch gradient descent made " + batch.updates() + " updates in " + EPOCHS + " epochs and"
                + " reached " + Num.format(batch.outcome().finalLoss()) + "; stochastic made " + stochastic.updates()
                + " and reached " + Num.format(stochastic.outcome().finalLoss()) + (moreUpdatesHelped
                ? ": with the same learning rate, more (noisier) updates per epoch go further, while each epoch costs"
                + " more steps; mini-batches sit between the two."
                : ": here the many noisy steps did not pay off."));
        c.report().chart(() -> Charts.lines("Training loss per epoch, two moons, 2-8-2", "epoch", "loss (mse)",
                results.stream().map(r -> Charts.Series.perEpoch(r.method().name() + " — " + r.method().optimizer()
                        + ", batch " + r.batchSize(), r.outcome().losses())).toList(), true));
    }

    static List<Result> run(Context c, Dataset data) {
        List<Result> results = new ArrayList<>();
        for (Method method : METHODS) {
            int batchSize = method.batchSize() == 0 ? data.rows() : method.batchSize();
            Network network = Fit.network(c, 2).dense(8, "tanh").dense(2, "sigmoid").build();
            Fit.Outcome outcome = Fit.run(Fit.trainer(c, "mse", method.optimizer(), EPOCHS, batchSize),
                    network, data);
            results.add(new Result(method, batchSize, outcome, Accuracy.of(network, data)));
        }
        return results;
    }
}
