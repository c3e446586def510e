package io.sinapse.testkit;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Regularizer;

/**
 * Runs a plug-in on its float or its double path with inputs and results held as doubles, so that one check covers
 * both paths. Float inputs come from {@link Samples} and convert exactly; float results widen exactly, so comparing
 * the bits of the doubles compares the bits of the floats.
 */
enum Precision {
    DOUBLE("double path") {
        @Override
        double[] forward(Activation a, double[] z, double[] outInit, int rows, int cols) {
            double[] out = outInit.clone();
            a.forward(z, out, rows, cols);
            return out;
        }

        @Override
        double[] backward(Activation a, double[] z, double[] out, double[] gradOut, double[] gradZInit,
                          int rows, int cols) {
            double[] gradZ = gradZInit.clone();
            a.backward(z, out, gradOut.clone(), gradZ, rows, cols);
            return gradZ;
        }

        @Override
        double[] backwardInPlace(Activation a, double[] z, double[] out, double[] gradOut, int rows, int cols) {
            double[] shared = gradOut.clone();
            a.backward(z, out, shared, shared, rows, cols);
            return shared;
        }

        @Override
        double value(Loss loss, double[] predicted, double[] target, int rows, int cols) {
            return loss.value(predicted, target, rows, cols);
        }

        @Override
        double[] gradient(Loss loss, double[] predicted, double[] target, double[] gradInit, int rows, int cols) {
            double[] grad = gradInit.clone();
            loss.gradient(predicted, target, grad, rows, cols);
            return grad;
        }

        @Override
        double penalty(Regularizer r, double[] weights, int count) {
            return r.penalty(weights, count);
        }

        @Override
        double[] addGradient(Regularizer r, double[] weights, double[] gradInit, int count) {
            double[] grads = gradInit.clone();
            r.addGradient(weights, grads, count);
            return grads;
        }
    },

    FLOAT("float path") {
        @Override
        double[] forward(Activation a, double[] z, double[] outInit, int rows, int cols) {
            float[] out = Samples.toFloat(outInit);
            a.forward(Samples.toFloat(z), out, rows, cols);
            return Samples.toDouble(out);
        }

        @Override
        double[] backward(Activation a, double[] z, double[] out, double[] gradOut, double[] gradZInit,
                          int rows, int cols) {
            float[] gradZ = Samples.toFloat(gradZInit);
            a.backward(Samples.toFloat(z), Samples.toFloat(out), Samples.toFloat(gradOut), gradZ, rows, cols);
            return Samples.toDouble(gradZ);
        }

        @Override
        double[] backwardInPlace(Activation a, double[] z, double[] out, double[] gradOut, int rows, int cols) {
            float[] shared = Samples.toFloat(gradOut);
            a.backward(Samples.toFloat(z), Samples.toFloat(out), shared, shared, rows, cols);
            return Samples.toDouble(shared);
        }

        @Override
        double value(Loss loss, double[] predicted, double[] target, int rows, int cols) {
            return loss.value(Samples.toFloat(predicted), Samples.toFloat(target), rows, cols);
        }

        @Override
        double[] gradient(Loss loss, double[] predicted, double[] target, double[] gradInit, int rows, int cols) {
            float[] grad = Samples.toFloat(gradInit);
            loss.gradient(Samples.toFloat(predicted), Samples.toFloat(target), grad, rows, cols);
            return Samples.toDouble(grad);
        }

        @Override
        double penalty(Regularizer r, double[] weights, int count) {
            return r.penalty(Samples.toFloat(weights), count);
        }

        @Override
        double[] addGradient(Regularizer r, double[] weights, double[] gradInit, int count) {
            float[] grads = Samples.toFloat(gradInit);
            r.addGradient(Samples.toFloat(weights), grads, count);
            return Samples.toDouble(grads);
        }
    };

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** {@code double path} or {@code float path}, for messages. */
    String label() {
        return label;
    }

    abstract double[] forward(Activation a, double[] z, double[] outInit, int rows, int cols);

    abstract double[] backward(Activation a, double[] z, double[] out, double[] gradOut, double[] gradZInit,
                               int rows, int cols);

    /** {@code backward} with one array passed as both {@code gradOut} and {@code gradZ}. */
    abstract double[] backwardInPlace(Activation a, double[] z, double[] out, double[] gradOut, int rows, int cols);

    abstract double value(Loss loss, double[] predicted, double[] target, int rows, int cols);

    abstract double[] gradient(Loss loss, double[] predicted, double[] target, double[] gradInit, int rows, int cols);

    abstract double penalty(Regularizer r, double[] weights, int count);

    abstract double[] addGradient(Regularizer r, double[] weights, double[] gradInit, int count);
}
