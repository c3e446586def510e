package io.sinapse.core;

import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole chain rule, wired: gradients that {@link Network#backward} leaves in every tensor against central
 * differences of the loss. This runs through the float layers, so the step is h = 1e-3 and the tolerance 2% of
 * the gradient's scale: float rounding of a loss of order 1 is ~1e-7, giving ~1e-4 error after dividing by 2h, and
 * the truncation error of central differences, h²/6·f''', is ~1e-7 for these smooth functions. A step this small
 * also keeps pre-activations from crossing leaky ReLU's kink. A wrong wire (a missing activation derivative, a
 * softmax applied twice) is off by far more.
 */
class NetworkBackpropTest {

    @ParameterizedTest(name = "{0} hidden, {1} output, {2} loss")
    @CsvSource({
            "tanh, sigmoid, mse",
            "sigmoid, linear, huber",
            "tanh, softmax, cross_entropy",
            "leaky_relu, sigmoid, binary_cross_entropy"})
    void backpropagationMatchesFiniteDifferences(String hidden, String output, String lossName) {
        Plugins plugins = Plugins.load();
        int rows = 6;
        int outputs = 3;
        Network network = Network.builder(4).plugins(plugins).dense(5, hidden).dense(outputs, output).seed(11).build();
        Loss loss = plugins.loss(lossName);
        SplittableRandom random = new SplittableRandom(12);
        float[] x = new float[rows * 4];
        float[] y = new float[rows * outputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (int r = 0; r < rows; r++) {
            if (lossName.equals("cross_entropy")) {
                y[r * outputs + random.nextInt(outputs)] = 1;
            } else {
                for (int j = 0; j < outputs; j++) {
                    y[r * outputs + j] = (float) (0.1 + 0.8 * random.nextDouble());
                }
            }
        }
        Dataset data = new Dataset(x, 4, y, outputs);
        int end = network.layersBeforeLoss(loss);
        float[] grad = new float[rows * outputs];
        loss.gradient(network.forward(x, rows, end, true), y, grad, rows, outputs);
        network.backward(grad, rows, end);

        Trainer evaluator = Trainer.builder().loss(loss).build();
        double h = 1e-3;
        for (Tensor tensor : network.parameters()) {
            float[] analytic = tensor.gradient().clone();
            float[] w = tensor.value();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + h);
                double plus = evaluator.evaluate(network, data);
                w[i] = (float) (saved - h);
                double minus = evaluator.evaluate(network, data);
                w[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, analytic[i], 0.02 * Math.max(0.05, Math.abs(numeric)),
                        tensor.name() + "[" + i + "] of " + network.summary().replace('\n', ' '));
            }
        }
    }
}
