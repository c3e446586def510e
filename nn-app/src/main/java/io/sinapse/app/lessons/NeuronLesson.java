package io.sinapse.app.lessons;

import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.core.Matrices;
import io.sinapse.core.McCullochPittsNeuron;

/** The McCulloch–Pitts neuron: weighted sum, threshold, and the same thing as one matrix product. */
final class NeuronLesson implements Lesson {

    @Override
    public String name() {
        return "neuron";
    }

    @Override
    public String title() {
        return "The McCulloch-Pitts neuron (1943)";
    }

    @Override
    public String summary() {
        return "binary inputs, weights and a threshold: the weighted sum, the activation potential, Xw = y";
    }

    @Override
    public void teach(Context c) {
        c.say("Warren McCulloch and Walter Pitts modelled a neuron in 1943 with binary inputs and output. Each input"
                + " xᵢ (0 or 1) is weighed by a weight wᵢ: positive weights excite, negative ones inhibit. The linear"
                + " combiner sums them; the activation potential is that sum minus the threshold θ, and the neuron"
                + " fires (1) when the potential is positive, otherwise it stays silent (0):");
        c.show("    u = w₁·x₁ + w₂·x₂ + … + wₙ·xₙ − θ        y = 1 if u > 0, else 0");

        gate(c, "AND: weights 1, 1 and threshold 1.5 (fires only when both inputs fire)",
                new McCullochPittsNeuron(new double[]{1, 1}, 1.5));
        gate(c, "OR: weights 1, 1 and threshold 0.5 (fires when either input fires)",
                new McCullochPittsNeuron(new double[]{1, 1}, 0.5));
        gate(c, "x1 AND NOT x2: weights 1, -1 and threshold 0.5 (the negative weight inhibits)",
                new McCullochPittsNeuron(new double[]{1, -1}, 0.5));

        c.heading("The same neuron as a matrix product, Xw = y");
        c.say("A neural network is built on matrix multiplication. Put one example per row of X, with a first column"
                + " of 1s, and the weights in a column w whose first entry w₀ = −θ is the bias: the product Xw is"
                + " every example's activation potential at once, and the step of it is the output.");
        McCullochPittsNeuron and = new McCullochPittsNeuron(new double[]{1, 1}, 1.5);
        float[] x = new float[4 * 3];
        float[] w = {(float) -and.threshold(), (float) and.weights()[0], (float) and.weights()[1]};
        int[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        for (int r = 0; r < 4; r++) {
            x[r * 3] = 1;
            x[r * 3 + 1] = inputs[r][0];
            x[r * 3 + 2] = inputs[r][1];
        }
        float[] xw = new float[4];
        Matrices.multiply(x, w, xw, 4, 3, 1);
        StringBuilder product = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            String xRow = String.format("[%s  %s  %s]", Num.format(x[r * 3]), Num.format(x[r * 3 + 1]),
                    Num.format(x[r * 3 + 2]));
            String wRow = r < 3 ? String.format("[%5s]", Num.format(w[r])) : "       ";
            String sign = r == 1 ? "×" : " ";
            String equals = r == 1 ? "=" : " ";
            String arrow = r == 1 ? "→" : " ";
            product.append(String.format("    %s  %s  %s  %s  [%5s]  %s  [%d]%n", xRow, sign, wRow, equals,
                    Num.format(xw[r]), arrow, xw[r] > 0 ? 1 : 0));
        }
        c.show("          X          ×     w     =    Xw    →  y = [Xw > 0]\n" + product);
        boolean agrees = true;
        for (int r = 0; r < 4; r++) {
            agrees &= Math.abs(xw[r] - and.potential(inputs[r])) < 1e-6;
        }
        c.say(agrees ? "Row by row, Xw equals the AND neuron's activation potential u above: the bias column turns"
                + " the threshold into one more weight, which is how every layer of a network computes."
                : "Xw does not match the potentials above: something is wrong.");
        c.say("Nothing here learns: McCulloch and Pitts set the weights by hand. The perceptron (next lesson) keeps"
                + " this neuron and adds a rule that finds the weights from examples.");
    }

    private static void gate(Context c, String title, McCullochPittsNeuron neuron) {
        c.heading(title);
        double[] w = neuron.weights();
        Table table = new Table("x1", "x2", "Σ wᵢxᵢ", "u = Σ − θ", "y");
        for (int x1 = 0; x1 <= 1; x1++) {
            for (int x2 = 0; x2 <= 1; x2++) {
                double potential = neuron.potential(x1, x2);
                table.row(x1, x2, Num.format(w[0] * x1 + w[1] * x2), Num.format(potential), neuron.fire(x1, x2));
            }
        }
        c.table(table);
    }
}
