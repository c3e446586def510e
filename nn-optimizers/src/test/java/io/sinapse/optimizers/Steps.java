package io.sinapse.optimizers;

import io.sinapse.api.Optimizer;

/** Runs an optimizer on one tensor the way a trainer does: state zeroed once, steps numbered from 1. */
final class Steps {

    private Steps() {
    }

    /** The weights after one step per gradient, starting from {@code start} (left untouched). */
    static float[] run(Optimizer optimizer, float[] start, float[]... grads) {
        float[] weights = start.clone();
        float[] state = new float[optimizer.stateSize(weights.length)];
        for (int step = 1; step <= grads.length; step++) {
            optimizer.update(weights, grads[step - 1], state, weights.length, step, optimizer.learningRate());
        }
        return weights;
    }
}
