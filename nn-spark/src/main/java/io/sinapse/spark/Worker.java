package io.sinapse.spark;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The executor side of a training step: a network of the run's shape, rebuilt once per executor thread and
 * reused, that takes the broadcast weights and computes, on the rows of one block, what the driver asks for: the
 * gradient of the block's share of the global mini-batch (synchronous training), a few local optimizer steps
 * (parameter averaging), or the loss and accuracy (evaluation). Each is a pure function of the block, the
 * broadcast weights and the batch's row ids, so a retried or speculative task computes exactly the same result.
 */
final class Worker {

    private static final ThreadLocal<Map<String, Worker>> CACHE = ThreadLocal.withInitial(HashMap::new);
    private static volatile Plugins plugins;

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Regularizer regularizer;
    private final boolean classification;
    private final int end;
    private final int inputs;
    private final int outputs;
    private float[] x = new float[0];
    private float[] y = new float[0];
    private float[] grad = new float[0];

    private Worker(StepSpec spec, Plugins lookup) {
        this.network = spec.shape().build(lookup);
        this.loss = lookup.loss(spec.loss());
        this.optimizer = lookup.optimizer(spec.optimizer());
        this.regularizer = spec.regularizer() == null ? null : lookup.regularizer(spec.regularizer());
        this.classification = spec.classification();
        this.end = network.layersBeforeLoss(loss);
        this.inputs = network.inputSize();
        this.outputs = network.outputSize();
    }

    /** This thread's worker for {@code spec}. */
    static Worker of(StepSpec spec) {
        return CACHE.get().computeIfAbsent(spec.key(), k -> new Worker(spec, lookup()));
    }

    private static Plugins lookup() {
        Plugins found = plugins;
        if (found == null) {
            synchronized (Worker.class) {
                if (plugins == null) {
                    plugins = Plugins.load();
                }
                found = plugins;
            }
        }
        return found;
    }

    /**
     * The gradient of the mean loss over the whole mini-batch, restricted to this block's rows: each loss
     * averages over the rows it is given, so the block's gradient is weighted by its share of the batch,
     * {@code rows here / batchRows}. Summed over all blocks this is the single-machine gradient of the batch.
     */
    Partial gradient(Block block, long[] batch, int batchRows, float[] weights) {
        int rows = gatherBatch(block, batch);
        if (rows == 0) {
            return Partial.of(null, 0, 0, 0);
        }
        FlatWeights.setValues(network, weights);
        float[] out = network.forward(x, rows, end, true);
        double value = loss.valueAndGradient(out, y, grad, rows, outputs);
        int correct = classification ? Accuracy.correct(out, y, rows, outputs) : 0;
        if (rows != batchRows) {
            float share = (float) rows / batchRows;
            for (int i = 0; i < rows * outputs; i++) {
                grad[i] *= share;
            }
        }
        network.backward(grad, rows, end);
        float[] gradients = new float[weights.length];
        FlatWeights.addGradients(network, 1f, gradients);
        return Partial.of(gradients, rows, value * rows, correct);
    }

    /**
     * Parameter averaging: from the broadcast weights and optimizer state, one local optimizer step per batch of
     * {@code batches} on this block's rows of it (a step is skipped when the block holds none), then the weights
     * and state, weighted by this block's share {@code rows seen / roundRows} of the round, end to end.
     */
    Partial localSteps(Block block, long[][] batches, int roundRows, float[] weights, float[] states,
                       long stepsBefore) {
        FlatWeights.setValues(network, weights);
        List<Tensor> tensors = network.parameters();
        float[][] state = new float[tensors.size()][];
        int offset = 0;
        for (int t = 0; t < tensors.size(); t++) {
            int size = optimizer.stateSize(tensors.get(t).size());
            state[t] = new float[size];
            System.arraycopy(states, offset, state[t], 0, size);
            offset += size;
        }
        long seen = 0;
        double lossSum = 0;
        long correct = 0;
        for (int j = 0; j < batches.length; j++) {
            int rows = gatherBatch(block, batches[j]);
            if (rows == 0) {
                continue;
            }
            float[] out = network.forward(x, rows, end, true);
            lossSum += loss.valueAndGradient(out, y, grad, rows, outputs) * rows;
            correct += classification ? Accuracy.correct(out, y, rows, outputs) : 0;
            network.backward(grad, rows, end);
            for (int t = 0; t < tensors.size(); t++) {
                Tensor tensor = tensors.get(t);
                if (regularizer != null && tensor.regularized()) {
                    regularizer.addGradient(tensor.value(), tensor.gradient(), tensor.size());
                }
                optimizer.update(tensor.value(), tensor.gradient(), state[t], tensor.size(), stepsBefore + j + 1,
                        optimizer.learningRate());
            }
            seen += rows;
        }
        if (seen == 0) {
            return Partial.of(null, 0, 0, 0);
        }
        float share = (float) ((double) seen / roundRows);
        float[] vector = new float[weights.length + states.length];
        int at = 0;
        for (Tensor tensor : tensors) {
            float[] value = tensor.value();
            for (int i = 0; i < tensor.size(); i++) {
                vector[at++] = share * value[i];
            }
        }
        for (float[] s : state) {
            for (float v : s) {
                vector[at++] = share * v;
            }
        }
        return Partial.of(vector, seen, lossSum, correct);
    }

    /** The loss (summed over rows) and correct count of the whole block, in inference mode. */
    Partial evaluate(Block block, float[] weights) {
        FlatWeights.setValues(network, weights);
        int chunk = Math.min(1024, Math.max(1, block.rows()));
        ensureBuffers(chunk);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < block.rows(); start += chunk) {
            int rows = Math.min(chunk, block.rows() - start);
            System.arraycopy(block.features, start * inputs, x, 0, rows * inputs);
            System.arraycopy(block.targets, start * outputs, y, 0, rows * outputs);
            float[] out = network.forward(x, rows, end, false);
            lossSum += loss.value(out, y, rows, outputs) * rows;
            correct += Accuracy.correct(out, y, rows, outputs);
        }
        return Partial.of(null, block.rows(), lossSum, correct);
    }

    private int gatherBatch(Block block, long[] batch) {
        ensureBuffers(batch.length);
        return block.gather(batch, x, y);
    }

    private void ensureBuffers(int rows) {
        if (x.length < rows * inputs) {
            x = new float[rows * inputs];
        }
        if (y.length < rows * outputs) {
            y = new float[rows * outputs];
            grad = new float[rows * outputs];
        }
    }
}
