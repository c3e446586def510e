package io.sinapse.testkit;

import io.sinapse.api.Activation;
import io.sinapse.api.ElementwiseActivation;
import io.sinapse.api.ElementwiseLoss;
import io.sinapse.api.ElementwiseRegularizer;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Parameters;

/**
 * Small correct plug-ins, written here independently of the built-ins, that the checks must accept; the mistakes
 * in the other tests are variations of them.
 */
final class Correct {

    private Correct() {
    }

    /** f(z) = z², f'(z) = 2z: smooth, unbounded, no kinks. */
    static class Square extends ElementwiseActivation {
        @Override
        public String name() {
            return "square";
        }

        @Override
        public double apply(double z) {
            return z * z;
        }

        @Override
        public double derivative(double z, double out) {
            return 2 * z;
        }
    }

    /** max(0, z) with derivative 0 at 0, NaN kept: a kink at 0. */
    static class PlainRelu extends ElementwiseActivation {
        @Override
        public String name() {
            return "plain_relu";
        }

        @Override
        public double apply(double z) {
            return Double.isNaN(z) ? z : Math.max(0, z);
        }

        @Override
        public double derivative(double z, double out) {
            return Double.isNaN(z) ? z : z > 0 ? 1 : 0;
        }
    }

    /** Softmax over each row, by the textbook: a row-wise function whose Jacobian couples a row. */
    static class RowSoftmax implements Activation {
        @Override
        public String name() {
            return "row_softmax";
        }

        @Override
        public void forward(double[] z, double[] out, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int start = r * cols;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < cols; c++) {
                    max = Math.max(max, z[start + c]);
                }
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    out[start + c] = Math.exp(z[start + c] - max);
                    sum += out[start + c];
                }
                for (int c = 0; c < cols; c++) {
                    out[start + c] /= sum;
                }
            }
        }

        @Override
        public void backward(double[] z, double[] out, double[] gradOut, double[] gradZ, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int start = r * cols;
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += gradOut[start + c] * out[start + c];
                }
                for (int c = 0; c < cols; c++) {
                    gradZ[start + c] = out[start + c] * (gradOut[start + c] - dot);
                }
            }
        }

        @Override
        public void forward(float[] z, float[] out, int rows, int cols) {
            double[] result = new double[rows * cols];
            forward(Samples.toDouble(z), result, rows, cols);
            for (int i = 0; i < rows * cols; i++) {
                out[i] = (float) result[i];
            }
        }

        @Override
        public void backward(float[] z, float[] out, float[] gradOut, float[] gradZ, int rows, int cols) {
            double[] result = new double[rows * cols];
            backward(Samples.toDouble(z), Samples.toDouble(out), Samples.toDouble(gradOut), result, rows, cols);
            for (int i = 0; i < rows * cols; i++) {
                gradZ[i] = (float) result[i];
            }
        }
    }

    /** Mean of ½(p − t)². */
    static class HalfSquaredError extends ElementwiseLoss {
        @Override
        public String name() {
            return "half_squared_error";
        }

        @Override
        public double loss(double p, double t) {
            return 0.5 * (p - t) * (p - t);
        }

        @Override
        public double derivative(double p, double t) {
            return p - t;
        }
    }

    /** Mean of |p − t|: a kink where p = t. */
    static class AbsoluteError extends ElementwiseLoss {
        @Override
        public String name() {
            return "absolute_error";
        }

        @Override
        public double loss(double p, double t) {
            return Math.abs(p - t);
        }

        @Override
        public double derivative(double p, double t) {
            return Math.signum(p - t);
        }
    }

    /** w ← w − lr·g, no state. */
    static class PlainSgd implements Optimizer {
        @Override
        public String name() {
            return "plain_sgd";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("lr", 0.1);
        }

        @Override
        public double learningRate() {
            return 0.1;
        }

        @Override
        public int stateSize(int parameterCount) {
            return 0;
        }

        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            for (int i = 0; i < count; i++) {
                params[i] -= (float) (learningRate * grads[i]);
            }
        }
    }

    /** v ← 0.9·v + g, w ← w − lr·v, with v in the state array. */
    static class Momentum implements Optimizer {
        @Override
        public String name() {
            return "momentum";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("lr", 0.05);
        }

        @Override
        public double learningRate() {
            return 0.05;
        }

        @Override
        public int stateSize(int parameterCount) {
            return parameterCount;
        }

        @Override
        public void update(float[] params, float[] grads, float[] state, int count, long step, double learningRate) {
            updatePart(params, grads, state, count, 0, count, step, learningRate);
        }

        @Override
        public boolean updatesInParts() {
            return true;
        }

        @Override
        public void updatePart(float[] params, float[] grads, float[] state, int count, int from, int to, long step,
                               double learningRate) {
            if (from < 0 || from > to || to > count) {
                throw new IllegalArgumentException("part " + from + " … " + to + " of " + count);
            }
            for (int i = from; i < to; i++) {
                state[i] = 0.9f * state[i] + grads[i];
                params[i] -= (float) (learningRate * state[i]);
            }
        }
    }

    /** λ·Σ w² with λ = 0.01. */
    static class L2 extends ElementwiseRegularizer {
        static final double LAMBDA = 0.01;

        @Override
        public String name() {
            return "l2";
        }

        @Override
        public double penalty(double w) {
            return LAMBDA * w * w;
        }

        @Override
        public double derivative(double w) {
            return 2 * LAMBDA * w;
        }
    }

    /** λ·Σ |w| with λ = 0.01: a kink at 0. */
    static class L1 extends ElementwiseRegularizer {
        @Override
        public String name() {
            return "l1";
        }

        @Override
        public double penalty(double w) {
            return 0.01 * Math.abs(w);
        }

        @Override
        public double derivative(double w) {
            return 0.01 * Math.signum(w);
        }
    }
}
