package io.sinapse.spark;

import io.sinapse.api.Optimizer;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;

import java.util.List;

/**
 * Every trainable tensor of a network laid end to end in one {@code float[]}, in {@link Network#parameters()}
 * order (first layer first; weights, then bias): how weights are broadcast and gradients summed.
 */
final class FlatWeights {

    private FlatWeights() {
    }

    /** How many trainable values {@code network} has. */
    static int count(Network network) {
        int count = 0;
        for (Tensor tensor : network.parameters()) {
            count += tensor.size();
        }
        return count;
    }

    /** The values of all tensors, in a new array. */
    static float[] values(Network network) {
        float[] flat = new float[count(network)];
        int offset = 0;
        for (Tensor tensor : network.parameters()) {
            System.arraycopy(tensor.value(), 0, flat, offset, tensor.size());
            offset += tensor.size();
        }
        return flat;
    }

    /** Sets all tensors' values from {@code flat}. */
    static void setValues(Network network, float[] flat) {
        checkLength(network, flat);
        int offset = 0;
        for (Tensor tensor : network.parameters()) {
            System.arraycopy(flat, offset, tensor.value(), 0, tensor.size());
            offset += tensor.size();
        }
    }

    /** Sets all tensors' gradients from {@code flat}. */
    static void setGradients(Network network, float[] flat) {
        checkLength(network, flat);
        int offset = 0;
        for (Tensor tensor : network.parameters()) {
            System.arraycopy(flat, offset, tensor.gradient(), 0, tensor.size());
            offset += tensor.size();
        }
    }

    /** Adds {@code factor} × every tensor's gradient to {@code flat}. */
    static void addGradients(Network network, float factor, float[] flat) {
        int offset = 0;
        for (Tensor tensor : network.parameters()) {
            float[] gradient = tensor.gradient();
            for (int i = 0; i < tensor.size(); i++) {
                flat[offset + i] += factor * gradient[i];
            }
            offset += tensor.size();
        }
    }

    /** How many optimizer-state values {@code optimizer} keeps for all of {@code network}'s tensors. */
    static int stateCount(Network network, Optimizer optimizer) {
        int count = 0;
        for (Tensor tensor : network.parameters()) {
            count += optimizer.stateSize(tensor.size());
        }
        return count;
    }

    /** The optimizer's memory of every tensor, end to end (zeros for tensors not stepped yet). */
    static float[] states(Network network, Optimizer optimizer) {
        float[] flat = new float[stateCount(network, optimizer)];
        int offset = 0;
        for (Tensor tensor : network.parameters()) {
            float[] state = tensor.optimizerState(optimizer.stateSize(tensor.size()));
            System.arraycopy(state, 0, flat, offset, state.length);
            offset += state.length;
        }
        return flat;
    }

    /** Puts the optimizer's memory back into every tensor, with {@code steps} updates taken. */
    static void setStates(Network network, Optimizer optimizer, float[] flat, long steps) {
        int offset = 0;
        for (Tensor tensor : network.parameters()) {
            int size = optimizer.stateSize(tensor.size());
            float[] state = new float[size];
            System.arraycopy(flat, offset, state, 0, size);
            tensor.restoreOptimizerState(state, steps);
            offset += size;
        }
    }

    private static void checkLength(Network network, float[] flat) {
        List<Tensor> tensors = network.parameters();
        int count = 0;
        for (Tensor tensor : tensors) {
            count += tensor.size();
        }
        if (flat.length != count) {
            throw new IllegalArgumentException("The network has " + count + " trainable values, got " + flat.length);
        }
    }
}
