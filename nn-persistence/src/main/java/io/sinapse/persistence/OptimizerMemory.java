package io.sinapse.persistence;

import io.sinapse.core.Tensor;

/**
 * Reads and restores what the optimizer remembers for one tensor: its state array and its step count (Adam's
 * bias correction depends on the count).
 */
final class OptimizerMemory {

    /** A copy of a tensor's optimizer state and the number of steps taken so far. */
    record Snapshot(float[] state, long steps) {
    }

    private OptimizerMemory() {
    }

    /**
     * The state of {@code tensor} for an optimizer needing {@code stateSize} floats. If the tensor holds state of
     * another size (another optimizer's, or none yet) it is reset, as the trainer would do on its next step.
     */
    static Snapshot read(Tensor tensor, int stateSize) {
        float[] state = tensor.optimizerState(stateSize).clone();
        return new Snapshot(state, tensor.steps());
    }

    /** Makes {@code tensor} hold a copy of {@code state} after {@code steps} steps. */
    static void restore(Tensor tensor, float[] state, long steps) {
        tensor.restoreOptimizerState(state, steps);
    }
}
