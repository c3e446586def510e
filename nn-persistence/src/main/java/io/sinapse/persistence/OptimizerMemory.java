package io.sinapse.persistence;

import io.sinapse.core.Tensor;

/**
 * Reads and restores what the optimizer remembers for one tensor: its state array and its step count (Adam's
 * bias correction depends on the count). {@link Tensor} exposes the state array but offers neither a getter nor
 * a setter for the count, only {@link Tensor#nextStep()}; so the count is read by taking one step and putting
 * everything back, and restored by stepping from zero. Both cost one call per step, which is why
 * {@link Format#MAX_TOTAL_STEPS} bounds the counts. A {@code Tensor.steps()} getter and a
 * {@code Tensor.restoreOptimizerState(float[], long)} in nn-core would make this direct.
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
        long steps = tensor.nextStep() - 1;
        restore(tensor, state, steps);
        return new Snapshot(state, steps);
    }

    /** Makes {@code tensor} hold a copy of {@code state} after {@code steps} steps. */
    static void restore(Tensor tensor, float[] state, long steps) {
        tensor.resetOptimizerState();
        float[] live = tensor.optimizerState(state.length);
        System.arraycopy(state, 0, live, 0, state.length);
        for (long i = 0; i < steps; i++) {
            tensor.nextStep();
        }
    }
}
