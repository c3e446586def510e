package io.sinapse.core;

import io.sinapse.api.Optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain SGD ({@code w −= rate·g}) that also writes down what the trainer handed it on every update: the learning
 * rate and a copy of the gradient. With a base rate of 0 it leaves the weights alone.
 */
final class RecordingOptimizer implements Optimizer {

    private final double baseRate;
    final List<Double> rates = new ArrayList<>();
    final List<float[]> gradients = new ArrayList<>();

    RecordingOptimizer(double baseRate) {
        this.baseRate = baseRate;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public double learningRate() {
        return baseRate;
    }

    @Override
    public int stateSize(int parameterCount) {
        return 0;
    }

    @Override
    public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
        rates.add(learningRate);
        gradients.add(java.util.Arrays.copyOf(grads, count));
        for (int i = 0; i < count; i++) {
            params[i] -= (float) (learningRate * grads[i]);
        }
    }
}
