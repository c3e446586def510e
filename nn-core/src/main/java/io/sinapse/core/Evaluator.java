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
    private float[] y = new float[0];

    Evaluator(Network network, Loss loss) {
        this.network = network;
        this.loss = loss;
        this.end = network.layersBeforeLoss(loss);
    }

    record Result(double loss, double accuracy) {
    }

    /** The rows go through in order, a chunk at a time, read in place; only each chunk's targets are copied. */
    Result evaluate(Dataset data) {
        if (data.featureCount() != network.inputSize()) {
            throw new IllegalArgumentException("The data has " + data.featureCount() + " feature columns but the"
                    + " network takes " + network.inputSize() + " inputs");
        }
        int rows = data.rows();
        int chunk = Math.min(CHUNK, rows);
        int inputs = data.featureCount();
        int targets = data.targetCount();
        y = Buffers.ensure(y, chunk * targets);
        double lossSum = 0;
        int correct = 0;
        float[][] buffers = network.buffers();
        for (int start = 0; start < rows; start += chunk) {
            int count = Math.min(chunk, rows - start);
            System.arraycopy(data.targets(), start * targets, y, 0, count * targets);
            // When the loss absorbs softmax, the pre-activations pick the same argmax as the probabilities.
            float[] out = network.infer(data.features(), start * inputs, count, end, buffers, true);
            if (loss != null) {
                lossSum += loss.value(out, y, count, targets) * count;
            }
            correct += Accuracy.correct(out, y, count, targets);
        }
        network.spare(buffers);
        return new Result(loss == null ? Double.NaN : lossSum / rows, (double) correct / rows);
    }
}
