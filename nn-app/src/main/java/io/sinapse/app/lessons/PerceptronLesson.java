package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.core.Perceptron;
import io.sinapse.data.CourseTables;
import io.sinapse.data.LabeledDataset;

import java.util.ArrayList;
import java.util.List;

/** The course's concert decision: weights 3, 2, 6 and threshold 5, then other weights and thresholds. */
final class PerceptronLesson implements Lesson {

    private static final String[] QUESTIONS = {
        "x1 = is the show in another state?",
        "x2 = will you have company?",
        "x3 = do you have money?",
    };

    /** A perceptron set by hand, and what it stands for. */
    private record Setting(String label, float[] weights, float threshold) {
        Perceptron perceptron() {
            return new Perceptron(weights, threshold);
        }
    }

    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String title() {
        return "The perceptron decides: go to the Guns N' Roses concert?";
    }

    @Override
    public String summary() {
        return "the concert decision with weights 3, 2, 6 and threshold 5 (all 8 cases), other weights, and"
                + " the perceptron rule learning it";
    }

    @Override
    public void teach(Context c) {
        c.say("Frank Rosenblatt's perceptron weighs evidence to decide. You want to see Guns N' Roses, and three"
                + " yes/no questions decide it:");
        c.show(String.join("\n", QUESTIONS));
        c.say("You are saving for a car, so money weighs most: x1 ← 3, x2 ← 2, x3 ← 6, and the threshold is 5."
                + " You go (1) when 3·x1 + 2·x2 + 6·x3 > 5.");

        Setting course = new Setting("3, 2, 6; θ = 5", new float[]{3, 2, 6}, 5);
        Perceptron perceptron = course.perceptron();
        Table table = new Table("x1", "x2", "x3", "3·x1 + 2·x2 + 6·x3", "− θ", "decision");
        int[] decisions = new int[8];
        for (int row = 0; row < 8; row++) {
            float[] x = inputs(row);
            float sum = perceptron.weightedSum(x, 0) + perceptron.threshold();
            decisions[row] = perceptron.predict(x);
            table.row(Num.format(x[0]), Num.format(x[1]), Num.format(x[2]),
                    "3·" + Num.format(x[0]) + " + 2·" + Num.format(x[1]) + " + 6·" + Num.format(x[2]) + " = "
                            + Num.format(sum),
                    Num.format(sum - perceptron.threshold()),
                    decisions[row] + (decisions[row] == 1 ? " go" : " stay"));
        }
        c.table(table);
        c.say(describe(decisions) + ". It makes no difference whether the show is in another state or whether"
                + " you have company: without money (x3 = 0) the sum is at most 3 + 2 = 5, which does not exceed"
                + " the threshold.");

        c.heading("Other weights and thresholds, other decisions");
        c.say("Varying the weights and the threshold gives other decision models. Each column is one perceptron"
                + " set by hand, decisions for the same 8 cases:");
        List<Setting> settings = List.of(course,
                new Setting("3, 2, 6; θ = 2", new float[]{3, 2, 6}, 2),
                new Setting("3, 2, 6; θ = 8", new float[]{3, 2, 6}, 8),
                new Setting("3, 2, 6; θ = 10", new float[]{3, 2, 6}, 10),
                new Setting("−4, 2, 6; θ = 2", new float[]{-4, 2, 6}, 2));
        List<String> header = new ArrayList<>(List.of("x1", "x2", "x3"));
        settings.forEach(s -> header.add(s.label()));
        Table variants = new Table(header.toArray(String[]::new));
        int[][] all = new int[settings.size()][8];
        for (int row = 0; row < 8; row++) {
            float[] x = inputs(row);
            List<Object> cells = new ArrayList<>(List.of(Num.format(x[0]), Num.format(x[1]), Num.format(x[2])));
            for (int s = 0; s < settings.size(); s++) {
                all[s][row] = settings.get(s).perceptron().predict(x);
                cells.add(all[s][row]);
            }
            variants.row(cells.toArray());
        }
        c.table(variants);
        for (int s = 0; s < settings.size(); s++) {
            c.say("  " + settings.get(s).label() + ": " + describe(all[s]));
        }

        c.heading("Learning the weights instead of choosing them");
        LabeledDataset concert = CourseTables.concert();
        Perceptron learner = new Perceptron(3);
        Perceptron.Training training = learner.train(concert.dataset(), 1.0, 100);
        int right = 0;
        for (int row = 0; row < 8; row++) {
            right += learner.predict(inputs(row)) == decisions[row] ? 1 : 0;
        }
        float[] w = learner.weights();
        c.say("Starting from zero weights, the perceptron rule (w ← w + η(y − ŷ)x, b ← b + η(y − ŷ), η = 1) on the"
                + " 8 decisions above " + (training.converged() ? "converged after " + training.epochs()
                + " epochs" : "did not converge in " + training.epochs() + " epochs") + ": weights "
                + Num.format(w[0]) + ", " + Num.format(w[1]) + ", " + Num.format(w[2]) + " and threshold "
                + Num.format(learner.threshold()) + ", right in " + right + " of 8 cases. Other numbers, the same"
                + " decisions: many weight settings draw a line that separates these examples.");
    }

    /** The inputs of row {@code row} of the truth table: 000, 001, …, 111. */
    private static float[] inputs(int row) {
        return new float[]{(row >> 2) & 1, (row >> 1) & 1, row & 1};
    }

    /** What the decisions amount to, computed from them: which single input they follow, or how often you go. */
    private static String describe(int[] decisions) {
        int go = 0;
        for (int d : decisions) {
            go += d;
        }
        for (int input = 0; input < 3; input++) {
            boolean same = true;
            for (int row = 0; row < 8; row++) {
                same &= decisions[row] == (int) inputs(row)[input];
            }
            if (same) {
                return "decision = x" + (input + 1) + " in all 8 rows: you go exactly when "
                        + QUESTIONS[input].substring(QUESTIONS[input].indexOf('=') + 2).replace("?", "")
                        .replace("is the show", "the show is").replace("will you have", "you will have")
                        .replace("do you have", "you have");
            }
        }
        List<String> cases = new ArrayList<>();
        for (int row = 0; row < 8; row++) {
            if (decisions[row] == 1) {
                float[] x = inputs(row);
                cases.add(Num.format(x[0]) + Num.format(x[1]) + Num.format(x[2]));
            }
        }
        return "you go in " + go + " of 8 cases" + (cases.isEmpty() ? "" : " (x1x2x3 = " + String.join(", ", cases)
                + ")");
    }
}
