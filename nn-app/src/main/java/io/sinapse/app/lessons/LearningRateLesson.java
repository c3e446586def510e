package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Ascii;
import io.sinapse.app.report.Charts;
import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.data.SyntheticDatasets;

import java.util.ArrayList;
import java.util.List;

/** The course's learning-rate sweep, 0.001 to 1 in steps of about 3×, on one problem. */
final class LearningRateLesson implements Lesson {

    static final double[] RATES = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1};
    static final int EPOCHS = 60;
    static final int BATCH = 16;

    /** One rate's run. */
    record Result(double rate, Fit.Outcome outcome) {
    }

    @Override
    public String name() {
        return "learning-rate";
    }

    @Override
    public String title() {
        return "The learning rate: try 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1";
    }

    @Override
    public String summary() {
        return "the sweep 0.001 … 1 (about 3× apart) with loss curves, and the best rate";
    }

    @Override
    public void teach(Context c) {
        Dataset sine = SyntheticDatasets.noisySine(200, 0.1, c.seed()).dataset();
        c.say("The learning rate η sets the length of each step. Too low and the minimum takes forever to reach;"
                + " too high and the steps jump over it, or away from it. The course's advice: try 0.001, 0.003,"
                + " 0.01, 0.03, 0.1, 0.3, 1, going up or down about 3× at a time. Here: fit y = sin(πx) + noise"
                + " (200 points) with a 1-16-1 network (tanh, linear output), mse, plain sgd, batches of " + BATCH
                + ", " + EPOCHS + " epochs, the same initial weights for every rate.");
        List<Result> results = sweep(c, sine);
        Result best = best(results);
        Table table = new Table("learning rate", "final loss", "", "loss per epoch");
        for (Result r : results) {
            String loss = r.outcome().diverged() ? "diverged in epoch " + r.outcome().epochs()
                    : Num.format(r.outcome().finalLoss());
            table.row(Num.format(r.rate()), loss, r == best ? "← best" : "", Ascii.sparkline(r.outcome().losses(),
                    30));
        }
        c.table(table);
        Result lowest = results.get(0);
        c.say("Best rate: " + Num.format(best.rate()) + " (final loss " + Num.format(best.outcome().finalLoss())
                + "). At " + Num.format(lowest.rate()) + " the loss only went from "
                + Num.format(lowest.outcome().losses()[0]) + " to " + Num.format(lowest.outcome().finalLoss())
                + " in " + EPOCHS + " epochs" + divergedNote(results) + ".");
        // A diverged run's last losses are astronomic; cut its line where it leaves the others' scale.
        double ceiling = 10 * results.stream().filter(r -> !r.outcome().diverged())
                .flatMapToDouble(r -> java.util.Arrays.stream(r.outcome().losses())).max().orElse(1);
        c.report().chart(() -> Charts.lines("Learning-rate sweep: training loss per epoch", "epoch", "loss (mse)",
                results.stream().map(r -> Charts.Series.perEpoch("η = " + Num.format(r.rate())
                        + (r.outcome().diverged() ? " (diverged)" : ""), java.util.Arrays.stream(r.outcome().losses())
                        .map(v -> v <= ceiling ? v : Double.NaN).toArray())).toList(), true));
    }

    static List<Result> sweep(Context c, Dataset data) {
        List<Result> results = new ArrayList<>();
        for (double rate : RATES) {
            Network network = Fit.network(c, 1).dense(16, "tanh").dense(1).build();
            results.add(new Result(rate, Fit.run(Fit.trainer(c, "mse", "sgd(lr=" + rate + ")", EPOCHS, BATCH),
                    network, data)));
        }
        return results;
    }

    static Result best(List<Result> results) {
        return results.stream().filter(r -> !r.outcome().diverged())
                .min((a, b) -> Double.compare(a.outcome().finalLoss(), b.outcome().finalLoss())).orElseThrow();
    }

    private static String divergedNote(List<Result> results) {
        List<String> diverged = results.stream().filter(r -> r.outcome().diverged())
                .map(r -> Num.format(r.rate())).toList();
        if (diverged.isEmpty()) {
            Result highest = results.get(results.size() - 1);
            return "; at " + Num.format(highest.rate()) + " it ended at " + Num.format(highest.outcome().finalLoss());
        }
        return "; at " + String.join(" and ", diverged) + " the loss blew up to NaN or infinity: the steps"
                + " overshoot the minimum and every step makes it worse";
    }
}
