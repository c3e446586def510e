package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Ascii;
import io.sinapse.app.report.Charts;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.data.Scaler;
import io.sinapse.data.SyntheticDatasets;

import java.util.List;

/** The same network on the same data, with and without standardising the inputs. */
final class ScalingLesson implements Lesson {

    static final int EPOCHS = 60;
    static final String OPTIMIZER = "sgd(lr=0.3)";

    /** One run: its losses and its training accuracy. */
    record Result(String name, Fit.Outcome outcome, double accuracy) {
    }

    @Override
    public String name() {
        return "scaling";
    }

    @Override
    public String title() {
        return "Scaling the inputs: with and without standardisation";
    }

    @Override
    public String summary() {
        return "the same network on raw inputs (0–100 and thousands) and on standardised ones";
    }

    @Override
    public void teach(Context c) {
        Dataset moons = SyntheticDatasets.twoMoons(200, 0.2, c.seed()).dataset();
        Dataset raw = rescale(moons);
        c.say("A network learns best when its inputs are on a normalised scale: standardised data converges"
                + " faster. Take the two moons and express the coordinates in everyday units, x1 on a 0–100 scale"
                + " (like the customer scores) and x2 in the thousands:");
        Table sample = new Table("x1", "x2", "class");
        for (int r = 0; r < 3; r++) {
            sample.row(Num.format(raw.features()[r * 2]), Num.format(raw.features()[r * 2 + 1]),
                    raw.targets()[r * 2] == 1f ? "upper" : "lower");
        }
        c.table(sample);
        Scaler scaler = Scaler.fitStandard(raw);
        Dataset standardised = scaler.transform(raw);
        c.say("Standardising subtracts each column's mean and divides by its standard deviation, both measured on"
                + " the training data: means " + Num.format(scaler.center()[0]) + " and "
                + Num.format(scaler.center()[1]) + ", standard deviations " + Num.format(scaler.scale()[0])
                + " and " + Num.format(scaler.scale()[1]) + ", so both columns end up with mean 0 and variance 1.");

        Result without = train(c, "raw inputs", raw);
        Result with = train(c, "standardised", standardised);
        Table table = new Table("inputs", "final loss", "accuracy", "loss per epoch");
        for (Result r : List.of(without, with)) {
            table.row(r.name(), r.outcome().diverged() ? "diverged" : Num.format(r.outcome().finalLoss()),
                    Num.percent(r.accuracy()), Ascii.sparkline(r.outcome().losses(), 30));
        }
        c.say("The same 2-8-2 network (tanh, sigmoid), mse, " + OPTIMIZER + ", batches of 16, " + EPOCHS
                + " epochs, the same initial weights:");
        c.table(table);
        boolean helped = with.outcome().finalLoss() < without.outcome().finalLoss()
                || without.outcome().diverged();
        c.say(helped ? "Standardised inputs: loss " + Num.format(with.outcome().finalLoss()) + " and "
                + Num.percent(with.accuracy()) + " right, against " + (without.outcome().diverged() ? "a diverged run"
                : Num.format(without.outcome().finalLoss()) + " and " + Num.percent(without.accuracy()))
                + " on the raw ones. With inputs in the thousands every weighted sum is huge, tanh saturates at ±1"
                + " and its derivative, which backpropagation multiplies by, is almost 0."
                : "This time scaling did not help (loss " + Num.format(with.outcome().finalLoss()) + " against "
                + Num.format(without.outcome().finalLoss()) + ").");
        c.report().chart(() -> Charts.lines("With and without standardisation", "epoch", "loss (mse)",
                List.of(Charts.Series.perEpoch(without.name(), without.outcome().losses()),
                        Charts.Series.perEpoch(with.name(), with.outcome().losses())), true));
    }

    /** x1 → 50 + 25·x1 (a 0–100 score), x2 → 1000 + 2000·x2 (thousands). */
    static Dataset rescale(Dataset data) {
        float[] x = data.features().clone();
        for (int r = 0; r < data.rows(); r++) {
            x[r * 2] = 50 + 25 * x[r * 2];
            x[r * 2 + 1] = 1000 + 2000 * x[r * 2 + 1];
        }
        return new Dataset(x, 2, data.targets().clone(), data.targetCount());
    }

    static Result train(Context c, String name, Dataset data) {
        Network network = Fit.network(c, 2).dense(8, "tanh").dense(2, "sigmoid").build();
        Fit.Outcome outcome = Fit.run(Fit.trainer(c, "mse", OPTIMIZER, EPOCHS, 16), network, data);
        return new Result(name, outcome, Accuracy.of(network, data));
    }
}
