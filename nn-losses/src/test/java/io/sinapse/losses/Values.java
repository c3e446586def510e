package io.sinapse.losses;

import io.sinapse.api.Loss;

/** Calls for the hand-computed examples, on the double path. */
final class Values {

    private Values() {
    }

    static double value(Loss loss, double[] predicted, double[] target, int rows, int cols) {
        return loss.value(predicted, target, rows, cols);
    }

    static double[] gradient(Loss loss, double[] predicted, double[] target, int rows, int cols) {
        double[] grad = new double[rows * cols];
        loss.gradient(predicted, target, grad, rows, cols);
        return grad;
    }
}
