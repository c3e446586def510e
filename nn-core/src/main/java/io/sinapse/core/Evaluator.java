package io.sinapse.core;

import io.sinapse.api.Loss;

/**
 * Measures a network's loss and accuracy on a dataset, a chunk of rows at a time, reusing its buffers.
 * When the loss absorbs the network's output activation (cross-entropy with softmax), it is given the
 * pre-activations, exactly as in training.
 */
final class Evaluator {

    private static final int CHUNK = 1024;

    private final Network network;
    private final Loss loss;
    private final int end;
    private int[] order = new int[0];
    private float[] x = new float[0];
    private float[] y = new float[0];

    Evaluator(Network network, Loss loss) {
        this.network = network;
        this.loss = loss;
        this.end = lossInputLayerCount(network, loss);
    }

    /** How many layers run before the loss: all of them, or all but an output activation the loss absorbs. */
    static int lossInputLayerCount(Network network, Loss loss) {
        int all = network.layers().size();
        if (loss == null || network.outputActivation() == null) {
            return all;
        }
        String fused = loss.fusedActivation().orElse(null);
        return network.outputActivation().name().equals(fused) ? all - 1 : all;
    }

    record Result(double loss, double accuracy) {
    }

    Result evaluate(Dataset data) {
        int rows = data.rows();
        int chunk = Math.min(CHUNK, rows);
        if (order.length < rows) {
            order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
        }
        x = Buffers.ensure(x, chunk * data.featureCount());
        y = Buffers.ensure(y, chunk * data.targetCount());
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < rows; start += chunk) {
            int count = Math.min(chunk, rows - start);
            data.gather(order, start, count, x, y);
            // When the loss absorbs softmax, the pre-activations pick the same argmax as the probabilities.
            float[] out = network.forward(x, count, end, false);
            if (loss != null) {
                lossSum += loss.value(out, y, count, data.targetCount()) * count;
            }
            correct += Accuracy.correct(out, y, count, data.targetCount());
        }
        return new Result(loss == null ? Double.NaN : lossSum / rows, (double) correct / rows);
    }
}
