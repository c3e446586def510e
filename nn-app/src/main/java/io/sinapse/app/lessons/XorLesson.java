package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Ascii;
import io.sinapse.app.report.Charts;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.core.Perceptron;
import io.sinapse.data.CourseTables;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** XOR: one perceptron's straight line cannot separate it, a 2-4-1 multilayer perceptron can. */
final class XorLesson implements Lesson {

    static final String HIDDEN = "tanh";
    static final String OPTIMIZER = "adam(lr=0.05)";
    static final int EPOCHS = 3000;
    static final double MIN_ERROR = 0.005;

    private static final double LOW = -0.5;
    private static final double HIGH = 1.5;

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String title() {
        return "XOR: where one perceptron fails and a multilayer perceptron succeeds";
    }

    @Override
    public String summary() {
        return "a perceptron cannot learn XOR, an MLP 2-4-1 can; decision boundaries drawn in the terminal";
    }

    @Override
    public void teach(Context c) {
        Dataset xor = CourseTables.xor().dataset();
        double[] px = new double[4];
        double[] py = new double[4];
        int[] pc = new int[4];
        for (int r = 0; r < 4; r++) {
            px[r] = xor.features()[r * 2];
            py[r] = xor.features()[r * 2 + 1];
            pc[r] = (int) xor.targets()[r];
        }
        c.say("XOR is 1 when exactly one input is 1. A perceptron is a linear classifier: it separates two classes"
                + " with one straight line, and no straight line puts (0,1) and (1,0) on one side and (0,0) and (1,1)"
                + " on the other.");

        c.heading("One perceptron, trained with the perceptron rule");
        Perceptron perceptron = new Perceptron(2);
        Perceptron.Training training = perceptron.train(xor, 0.1, 1000);
        int right = 0;
        Table table = new Table("x1", "x2", "XOR", "perceptron");
        for (int r = 0; r < 4; r++) {
            int predicted = perceptron.predict((float) px[r], (float) py[r]);
            right += predicted == pc[r] ? 1 : 0;
            table.row(Num.format(px[r]), Num.format(py[r]), pc[r], predicted + (predicted == pc[r] ? "" : "  ✗"));
        }
        c.table(table);
        int perceptronRight = right;
        float[] w = perceptron.weights();
        c.say((training.converged() ? "Converged" : "No convergence after " + training.epochs() + " epochs ("
                + training.errorsInLastEpoch() + " errors in the last one)") + ". Final line: "
                + Num.format(w[0]) + "·x1 + " + Num.format(w[1]) + "·x2 + " + Num.format(perceptron.bias())
                + " = 0. Accuracy " + perceptronRight + "/4 = " + Num.percent(perceptronRight / 4.0) + ".");
        DoubleBinaryOperator line = (x, y) -> perceptron.predict((float) x, (float) y);
        c.show(Ascii.decisionGrid(line, LOW, HIGH, LOW, HIGH, 41, 15, px, py, pc));

        c.heading("A multilayer perceptron 2-4-1");
        Network mlp = Fit.network(c, 2).dense(4, HIDDEN).dense(1, "sigmoid").build();
        Fit.Outcome outcome = Fit.run(Fit.trainer(c, "mse", OPTIMIZER, EPOCHS, 4).minError(MIN_ERROR), mlp, xor);
        double mlpAccuracy = Accuracy.of(mlp, xor);
        c.say("Two inputs, a hidden layer of 4 " + HIDDEN + " neurons, one sigmoid output; loss mse, optimizer "
                + OPTIMIZER + ", the 4 examples as one batch, up to " + EPOCHS + " epochs or until the loss is at"
                + " most " + Num.format(MIN_ERROR) + ".");
        c.say(outcome.diverged() ? "Training blew up: " + outcome.failure()
                : "Stopped after " + outcome.epochs() + " epochs (" + outcome.history().stopReason()
                + "), loss " + Num.format(outcome.finalLoss()) + ".");
        Table outputs = new Table("x1", "x2", "XOR", "output ŷ", "MLP");
        for (int r = 0; r < 4; r++) {
            float y = mlp.predict((float) px[r], (float) py[r])[0];
            int predicted = y > 0.5f ? 1 : 0;
            outputs.row(Num.format(px[r]), Num.format(py[r]), pc[r], Num.format(y), predicted
                    + (predicted == pc[r] ? "" : "  ✗"));
        }
        c.table(outputs);
        DoubleBinaryOperator network = (x, y) -> mlp.predict((float) x, (float) y)[0];
        c.show(Ascii.decisionGrid(network, LOW, HIGH, LOW, HIGH, 41, 15, px, py, pc));
        c.say("Perceptron: " + Num.percent(perceptronRight / 4.0) + " right. MLP 2-4-1: "
                + Num.percent(mlpAccuracy) + " right. The hidden layer bends the boundary: each hidden neuron draws"
                + " a line, and the output neuron combines them into a region no single line can make.");

        c.report().chart(() -> Charts.decisionBoundary("Perceptron on XOR (" + Num.percent(perceptronRight / 4.0)
                + ")", line, LOW, HIGH, LOW, HIGH, px, py, pc), 480, 400);
        c.report().chart(() -> Charts.decisionBoundary("MLP 2-4-1 on XOR (" + Num.percent(mlpAccuracy) + ")",
                network, LOW, HIGH, LOW, HIGH, px, py, pc), 480, 400);
        c.report().chart(() -> Charts.lines("MLP 2-4-1 training loss on XOR", "epoch", "loss (mse)",
                List.of(Charts.Series.perEpoch("training loss", outcome.losses())), true));
    }
}
