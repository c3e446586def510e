package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Ascii;
import io.sinapse.app.report.Charts;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;
import io.sinapse.core.Trainer;
import io.sinapse.data.SyntheticDatasets;

import java.util.ArrayList;
import java.util.List;

/** Overfitting a small noisy dataset, and what L1 (lasso) and L2 (ridge) penalties do to the weights. */
final class RegularizationLesson implements Lesson {

    static final int TRAIN = 40;
    static final int TEST = 400;
    static final int EPOCHS = 400;
    static final double NEAR_ZERO = 1e-3;

    /** One penalty: its spec, or null for none. */
    record Setting(String name, String regularizer) {
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("none", null),
            new Setting("L1 (lasso)", "l1(lambda=0.001)"),
            new Setting("L2 (ridge)", "l2(lambda=0.01)"));

    /** What one setting did. */
    record Result(Setting setting, Fit.Outcome outcome, double trainAccuracy, double testAccuracy,
                  double sumAbs, double nearZeroShare, double largest) {
    }

    @Override
    public String name() {
        return "regularization";
    }

    @Override
    public String title() {
        return "Regularization: none, L1 (lasso) and L2 (ridge)";
    }

    @Override
    public String summary() {
        return "a big network on 40 noisy points, with no penalty, L1 and L2: train vs test accuracy and the weights";
    }

    @Override
    public void teach(Context c) {
        Dataset train = SyntheticDatasets.twoMoons(TRAIN, 0.3, c.seed()).dataset();
        Dataset test = SyntheticDatasets.twoMoons(TEST, 0.3, c.seed() + 1).dataset();
        c.say("A model overfits when it memorises its training data instead of learning the pattern: near 100%"
                + " right on what it saw, worse on new data. Regularization adds a penalty on the weights to the"
                + " loss: L1 (lasso) λ·Σ|w| pushes the least useful weights to exactly 0; L2 (ridge) (λ/2)·Σw²"
                + " shrinks large weights without zeroing them. Here a 2-32-32-2 network (tanh, softmax,"
                + " cross-entropy, adam(lr=0.01)) learns " + TRAIN + " noisy moon points for " + EPOCHS
                + " epochs and is tested on " + TEST + " new ones, from the same initial weights each time.");
        List<Result> results = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            Network network = Fit.network(c, 2).dense(32, "tanh").dense(32, "tanh").dense(2, "softmax").build();
            Trainer.Builder trainer = Fit.trainer(c, "cross_entropy", "adam(lr=0.01)", EPOCHS, TRAIN);
            if (setting.regularizer() != null) {
                trainer.regularizer(setting.regularizer());
            }
            Fit.Outcome outcome = Fit.run(trainer, network, train);
            results.add(measure(setting, outcome, network, train, test));
        }
        Table table = new Table("penalty", "spec", "train acc.", "test acc.", "Σ|w|", "largest |w|",
                "|w| < " + Num.format(NEAR_ZERO), "loss per epoch");
        for (Result r : results) {
            table.row(r.setting().name(), r.setting().regularizer() == null ? "—" : r.setting().regularizer(),
                    Num.percent(r.trainAccuracy()), Num.percent(r.testAccuracy()), Num.format(r.sumAbs()),
                    Num.format(r.largest()), Num.percent(r.nearZeroShare()), Ascii.sparkline(r.outcome().losses(), 24));
        }
        c.table(table);
        Result none = results.get(0);
        Result l1 = results.get(1);
        Result l2 = results.get(2);
        c.say("Without a penalty: " + Num.percent(none.trainAccuracy()) + " on the training points, "
                + Num.percent(none.testAccuracy()) + " on new ones"
                + (none.trainAccuracy() > none.testAccuracy() ? ", the gap that overfitting leaves." : "."));
        c.say("L1 left " + Num.percent(l1.nearZeroShare()) + " of the weights below " + Num.format(NEAR_ZERO)
                + " (against " + Num.percent(none.nearZeroShare()) + " without a penalty): "
                + (l1.nearZeroShare() > none.nearZeroShare() ? "inputs and neurons it found useless are cut off."
                : "this time it zeroed no more than no penalty did."));
        c.say("L2 brought the largest weight from " + Num.format(none.largest()) + " to " + Num.format(l2.largest())
                + " and Σ|w| from " + Num.format(none.sumAbs()) + " to " + Num.format(l2.sumAbs())
                + (l2.largest() < none.largest() ? ": it shrinks the weights" : "")
                + (l2.nearZeroShare() < l1.nearZeroShare() ? ", and leaves fewer of them near 0 than L1 ("
                + Num.percent(l2.nearZeroShare()) + " against " + Num.percent(l1.nearZeroShare()) + ")." : "."));
        Result best = results.stream().max((a, b) -> Double.compare(a.testAccuracy(), b.testAccuracy()))
                .orElseThrow();
        c.say("Best on new data: " + best.setting().name() + " (" + Num.percent(best.testAccuracy()) + ").");
        c.report().chart(() -> Charts.lines("Training loss (with its penalty) per epoch", "epoch", "loss",
                results.stream().map(r -> Charts.Series.perEpoch(r.setting().name(), r.outcome().losses()))
                        .toList(), true));
    }

    private static Result measure(Setting setting, Fit.Outcome outcome, Network network, Dataset train,
                                  Dataset test) {
        double sumAbs = 0;
        double largest = 0;
        int count = 0;
        int nearZero = 0;
        for (Tensor tensor : network.parameters()) {
            if (!tensor.regularized()) {
                continue;
            }
            for (float w : tensor.value()) {
                double size = Math.abs(w);
                sumAbs += size;
                largest = Math.max(largest, size);
                nearZero += size < NEAR_ZERO ? 1 : 0;
                count++;
            }
        }
        return new Result(setting, outcome, Accuracy.of(network, train), Accuracy.of(network, test), sumAbs,
                (double) nearZero / count, largest);
    }
}
