package io.sinapse.app.lessons;

import io.sinapse.api.Activation;
import io.sinapse.api.ElementwiseActivation;
import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.app.report.Charts;

import java.util.ArrayList;
import java.util.List;

/** Every activation function found, with its derivative: a table of values and a chart each. */
final class ActivationsLesson implements Lesson {

    static final double[] POINTS = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};

    @Override
    public String name() {
        return "activations";
    }

    @Override
    public String title() {
        return "Activation functions and their derivatives";
    }

    @Override
    public String summary() {
        return "every activation found (plug-ins too): f(z) and f'(z) as a table, and charts in the report";
    }

    @Override
    public void teach(Context c) {
        c.say("An activation function makes a neuron non-linear, Y = activation(Σ weight·input + bias); without"
                + " one, a network is just a linear regression. Backpropagation multiplies by its derivative f'(z),"
                + " so where f' is 0 nothing is learned. Values computed by each function's own forward and backward"
                + " passes (backward with ∂loss/∂out = 1 gives f'(z)):");
        List<Activation> activations = c.plugins().available(Activation.class);
        List<String> header = new ArrayList<>(List.of("z =", ""));
        for (double z : POINTS) {
            header.add(Num.format(z));
        }
        Table table = new Table(header.toArray(String[]::new));
        List<Activation> rowWise = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Activation activation : activations) {
            if (!(activation instanceof ElementwiseActivation)) {
                rowWise.add(activation);
                continue;
            }
            double[][] values = evaluate(activation, POINTS);
            List<Object> f = new ArrayList<>(List.of(activation.spec(), "f(z)"));
            List<Object> d = new ArrayList<>(List.of("", "f'(z)"));
            for (int i = 0; i < POINTS.length; i++) {
                f.add(Num.format(values[0][i], 3));
                d.add(Num.format(values[1][i], 3));
            }
            table.row(f.toArray());
            table.row(d.toArray());
            notes.add(note(activation));
        }
        c.table(table);
        c.gap();
        for (String note : notes) {
            c.say(note);
        }
        for (Activation activation : rowWise) {
            c.heading(activation.spec() + " works on a whole row");
            double[] z = {1, 2, 3};
            double[] out = new double[3];
            activation.forward(z, out, 1, 3);
            c.say(activation.spec() + "(1, 2, 3) = (" + Num.format(out[0]) + ", " + Num.format(out[1]) + ", "
                    + Num.format(out[2]) + "), which sum to " + Num.format(out[0] + out[1] + out[2])
                    + ": the probability of each class. It belongs in the output layer of a classifier with"
                    + " several classes.");
        }

        for (Activation activation : activations) {
            if (activation instanceof ElementwiseActivation) {
                double[] z = range(-4, 4, 161);
                double[][] values = evaluate(activation, z);
                c.report().chart(() -> Charts.lines(activation.spec(), "z", "",
                        List.of(new Charts.Series("f(z)", z, values[0]),
                                new Charts.Series("f'(z)", z, values[1])), false), 480, 280);
            }
        }
    }

    /** {f(z), f'(z)} at each z, from the activation's forward and backward passes. */
    static double[][] evaluate(Activation activation, double[] z) {
        int n = z.length;
        double[] out = new double[n];
        double[] ones = new double[n];
        double[] derivative = new double[n];
        java.util.Arrays.fill(ones, 1);
        activation.forward(z, out, n, 1);
        activation.backward(z, out, ones, derivative, n, 1);
        return new double[][]{out, derivative};
    }

    /** What the numbers say about a function: its range, and where its gradient vanishes. */
    private static String note(Activation activation) {
        double[] z = range(-6, 6, 1201);
        double[][] values = evaluate(activation, z);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double maxSlope = Double.NEGATIVE_INFINITY;
        int peak = 0;
        for (int i = 0; i < z.length; i++) {
            min = Math.min(min, values[0][i]);
            max = Math.max(max, values[0][i]);
            if (values[1][i] > maxSlope) {
                maxSlope = values[1][i];
                peak = i;
            }
        }
        int peaks = 0;
        for (double slope : values[1]) {
            peaks += Math.abs(slope - maxSlope) < 1e-12 ? 1 : 0;
        }
        double left = values[1][0];
        double right = values[1][z.length - 1];
        StringBuilder text = new StringBuilder("  " + activation.spec() + ": on [-6, 6] f runs from "
                + Num.format(min, 3) + " to " + Num.format(max, 3));
        if (maxSlope == 0 && left == 0) {
            return text.append("; f' is 0 everywhere, so gradient descent gets no signal through it.").toString();
        }
        text.append("; f' peaks at ").append(Num.format(maxSlope, 3))
                .append(peaks == 1 ? " (z = " + Num.format(z[peak], 2) + ")" : "")
                .append(" and is ").append(Num.format(left, 2)).append(" at z = -6, ")
                .append(Num.format(right, 2)).append(" at z = 6");
        if (Math.abs(left - right) < 1e-12 && Math.abs(left - maxSlope) < 1e-12) {
            text.append(": a constant slope, the same gradient whatever the input");
        } else if (Math.abs(left) < 0.01 * maxSlope && Math.abs(right) < 0.01 * maxSlope && left != 0) {
            text.append(": it saturates, and large |z| stops learning (vanishing gradient)");
        } else if (left == 0) {
            text.append(": negative inputs pass no gradient (a neuron stuck there stops learning)");
        } else if (left < maxSlope) {
            text.append(": negative inputs still pass a small gradient, so the neuron never stops learning");
        }
        return text.append('.').toString();
    }

    static double[] range(double from, double to, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + (to - from) * i / (count - 1);
        }
        return values;
    }
}
