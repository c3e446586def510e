package io.sinapse.app.lessons;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.app.Num;
import io.sinapse.app.Table;
import io.sinapse.core.Dense;
import io.sinapse.core.Layer;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Will the customer pay the bill? The course's network, neuron by neuron: each weighted sum written out, the loss,
 * then one backpropagation step with every gradient, by the chain rule and by the library side by side.
 */
final class CustomerLesson implements Lesson {

    static final float[] INPUTS = {50, 20, 20};
    static final String[] INPUT_NAMES = {"portfolio monitoring", "credit analysis", "client is active"};
    static final float TARGET = 0.47f;
    /** Hidden layer weights, inputs × neurons: column 0 is the course's neuron 0.5, 0.4, 0.7. */
    static final float[] HIDDEN_WEIGHTS = {0.5f, 0.2f, 0.4f, 0.6f, 0.7f, -0.3f};
    static final float[] HIDDEN_BIAS = {1f, 0.5f};
    static final float[] OUTPUT_WEIGHTS = {0.02f, -0.05f};
    static final float[] OUTPUT_BIAS = {-0.1f};
    static final String OPTIMIZER = "sgd(lr=0.001)";

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public String title() {
        return "Will the customer pay the bill? A multilayer network, step by step";
    }

    @Override
    public String summary() {
        return "the customer-will-pay network: each neuron's weighted sum (50·0.5 + 20·0.4 + 20·0.7 + 1 = 48),"
                + " the loss, and one backpropagation step with every gradient";
    }

    @Override
    public void teach(Context c) {
        c.say("A bank wants to know whether a customer will pay this month's bill, from three inputs: "
                + String.join(", ", INPUT_NAMES) + ". The course's worked example feeds the network "
                + Num.format(INPUTS[0]) + ", " + Num.format(INPUTS[1]) + ", " + Num.format(INPUTS[2])
                + "; the answer to learn is a " + Num.percent(TARGET) + " chance of paying (the course's first"
                + " customer).");
        Network network = Fit.network(c, 3).dense(2, "relu").dense(1, "sigmoid").build();
        Dense hidden = (Dense) network.layers().get(0);
        Dense output = (Dense) network.layers().get(2);
        hidden.weights().set(HIDDEN_WEIGHTS);
        hidden.bias().set(HIDDEN_BIAS);
        output.weights().set(OUTPUT_WEIGHTS);
        output.bias().set(OUTPUT_BIAS);
        c.say("The network: 3 inputs → 2 hidden neurons (relu) → 1 output neuron (sigmoid, a chance between 0"
                + " and 1). Weights set by hand so each sum can be checked on paper.");

        c.heading("Propagation: each neuron's weighted sum, then its activation");
        List<float[]> signals = forward(network, INPUTS);
        float[] z1 = signals.get(1);
        float[] h = signals.get(2);
        float[] z2 = signals.get(3);
        float yHat = signals.get(4)[0];
        StringBuilder sums = new StringBuilder();
        for (int j = 0; j < 2; j++) {
            sums.append("hidden neuron ").append(j + 1).append(":  ")
                    .append(weightedSum(INPUTS, hidden.weights().value(), j, 2, hidden.bias().value()[j], z1[j]))
                    .append("\n    relu(").append(Num.format(z1[j])).append(") = ").append(Num.format(h[j]))
                    .append('\n');
        }
        sums.append("output neuron:  ")
                .append(weightedSum(h, output.weights().value(), 0, 1, output.bias().value()[0], z2[0]))
                .append("\n    sigmoid(").append(Num.format(z2[0])).append(") = ").append(Num.format(yHat))
                .append("  → a ").append(Num.percent(yHat)).append(" chance of paying\n");
        c.show(sums.toString());

        Loss loss = c.plugins().loss("mse");
        float[] target = {TARGET};
        double lossBefore = loss.value(new float[]{yHat}, target, 1, 1);
        c.say("The loss function measures the error: mse = (ŷ − y)² = (" + Num.format(yHat) + " − "
                + Num.format(TARGET) + ")² = " + Num.format(lossBefore) + ".");

        c.heading("Retropropagation: every gradient by the chain rule, and by the library");
        network.forward(INPUTS, 1, true);
        float[] gradOut = new float[1];
        loss.gradient(new float[]{yHat}, target, gradOut, 1, 1);
        network.backward(gradOut, 1, network.layers().size());

        double dLdy = 2 * ((double) yHat - TARGET);
        double sigmoidSlope = yHat * (1.0 - yHat);
        double deltaOut = dLdy * sigmoidSlope;
        c.show("∂L/∂ŷ     = 2(ŷ − y) = 2·(" + Num.format(yHat) + " − " + Num.format(TARGET) + ") = "
                + Num.format(dLdy) + "\n"
                + "∂L/∂z_out = ∂L/∂ŷ · sigmoid'(z) = ∂L/∂ŷ · ŷ(1 − ŷ) = " + Num.format(dLdy) + " · "
                + Num.format(sigmoidSlope) + " = " + Num.format(deltaOut) + "   (δ of the output neuron)");
        Table gradients = new Table("gradient", "chain rule", "= by hand", "library");
        List<String> names = new ArrayList<>();
        List<Double> byHand = new ArrayList<>();
        List<Float> library = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            double value = deltaOut * h[j];
            add(gradients, names, byHand, library, "∂L/∂w_out" + (j + 1),
                    "δ_out · h" + (j + 1) + " = " + Num.format(deltaOut) + " · " + Num.format(h[j]),
                    value, output.weights().gradient()[j]);
        }
        add(gradients, names, byHand, library, "∂L/∂b_out", "δ_out", deltaOut, output.bias().gradient()[0]);
        for (int j = 0; j < 2; j++) {
            double reluSlope = z1[j] > 0 ? 1 : 0;
            double delta = deltaOut * OUTPUT_WEIGHTS[j] * reluSlope;
            String deltaName = "δ" + (j + 1);
            c.show(deltaName + " = δ_out · w_out" + (j + 1) + " · relu'(z" + (j + 1) + ") = "
                    + Num.format(deltaOut) + " · " + Num.factor(OUTPUT_WEIGHTS[j]) + " · "
                    + Num.format(reluSlope) + " = " + Num.format(delta));
            for (int i = 0; i < 3; i++) {
                add(gradients, names, byHand, library, "∂L/∂w" + (i + 1) + (j + 1),
                        deltaName + " · x" + (i + 1) + " = " + Num.factor(delta) + " · " + Num.format(INPUTS[i]),
                        delta * INPUTS[i], hidden.weights().gradient()[i * 2 + j]);
            }
            add(gradients, names, byHand, library, "∂L/∂b" + (j + 1), deltaName, delta,
                    hidden.bias().gradient()[j]);
        }
        c.table(gradients);
        double worst = 0;
        for (int i = 0; i < byHand.size(); i++) {
            double scale = Math.max(1e-12, Math.abs(byHand.get(i)));
            worst = Math.max(worst, Math.abs(byHand.get(i) - library.get(i)) / Math.max(scale, 1e-6));
        }
        c.say(worst < 1e-3 ? "All " + byHand.size() + " gradients agree: the library's backward pass is the chain"
                + " rule written above." : "The library and the chain rule disagree (largest relative gap "
                + Num.format(worst) + ").");

        c.heading("One step of gradient descent: w ← w − η·∂L/∂w");
        Optimizer optimizer = c.plugins().optimizer(OPTIMIZER);
        List<float[]> before = new ArrayList<>();
        for (Tensor tensor : network.parameters()) {
            before.add(tensor.value().clone());
            float[] state = tensor.optimizerState(optimizer.stateSize(tensor.size()));
            optimizer.update(tensor.value(), tensor.gradient(), state, tensor.size(), tensor.nextStep(),
                    optimizer.learningRate());
        }
        Table step = new Table("weight", "before", "− η·gradient", "after");
        String[][] labels = {{"w11", "w12", "w21", "w22", "w31", "w32"}, {"b1", "b2"}, {"w_out1", "w_out2"},
            {"b_out"}};
        List<Tensor> tensors = network.parameters();
        for (int t = 0; t < tensors.size(); t++) {
            float[] after = tensors.get(t).value();
            for (int i = 0; i < after.length; i++) {
                step.row(labels[t][i], Num.format(before.get(t)[i]),
                        Num.format(after[i] - before.get(t)[i]), Num.format(after[i]));
            }
        }
        c.say("With " + optimizer.spec() + " (η = " + Num.format(optimizer.learningRate()) + "):");
        c.table(step);
        float yAfter = network.predict(INPUTS)[0];
        double lossAfter = loss.value(new float[]{yAfter}, target, 1, 1);
        c.say("Propagating again: ŷ = " + Num.format(yAfter) + ", loss " + Num.format(lossBefore) + " → "
                + Num.format(lossAfter) + (lossAfter < lossBefore ? ": one step closer to " + Num.percent(TARGET)
                + "." : ": the step was too long and overshot."));
        c.say("Training repeats this, propagation then retropropagation, over many examples and epochs until a"
                + " stopping criterion holds: a maximum number of epochs, or an error below a chosen minimum.");
    }

    /** Every layer's output for one example: index 0 is the input, then one entry per layer. */
    static List<float[]> forward(Network network, float[] x) {
        List<float[]> signals = new ArrayList<>();
        signals.add(x.clone());
        float[] signal = x;
        for (Layer layer : network.layers()) {
            signal = layer.forward(signal, 1, false).clone();
            signals.add(signal);
        }
        return signals;
    }

    /** {@code 50·0.5 + 20·0.4 + 20·0.7 + 1 = 25 + 8 + 14 + 1 = 48}, for neuron {@code j}. */
    static String weightedSum(float[] x, float[] weights, int j, int neurons, float bias, float z) {
        StringBuilder products = new StringBuilder();
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            float w = weights[i * neurons + j];
            products.append(i == 0 ? "" : " + ").append(Num.format(x[i])).append('·')
                    .append(Num.factor(w));
            terms.append(signed((double) x[i] * w, i == 0));
        }
        return products + signed(bias, false) + " = " + terms + signed(bias, false) + " = " + Num.format(z);
    }

    /** {@code " + 8"} or {@code " − 6"}; the first term of a sum without the leading plus. */
    private static String signed(double value, boolean first) {
        if (first) {
            return Num.format(value);
        }
        return (value < 0 ? " − " : " + ") + Num.format(Math.abs(value));
    }

    private static void add(Table table, List<String> names, List<Double> byHand, List<Float> library,
                            String name, String rule, double value, float fromLibrary) {
        table.row(name, rule, Num.format(value), Num.format(fromLibrary));
        names.add(name);
        byHand.add(value);
        library.add(fromLibrary);
    }
}
