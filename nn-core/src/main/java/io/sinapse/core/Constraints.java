package io.sinapse.core;

import java.util.List;

/** The trainer's limits on gradients and weights: clipping by norm and by value, and the max-norm constraint. */
final class Constraints {

    private Constraints() {
    }

    /** The L2 norm of all the tensors' gradients taken together as one vector. */
    static double globalGradientNorm(List<Tensor> tensors) {
        double sum = 0;
        for (Tensor tensor : tensors) {
            float[] g = tensor.gradient();
            for (int i = 0; i < tensor.size(); i++) {
                sum += (double) g[i] * g[i];
            }
        }
        return Math.sqrt(sum);
    }

    /** Scales every gradient by {@code maxNorm / norm} when the global norm exceeds {@code maxNorm}. */
    static void clipByGlobalNorm(List<Tensor> tensors, double maxNorm) {
        double norm = globalGradientNorm(tensors);
        if (norm <= maxNorm) {
            return;
        }
        float scale = (float) (maxNorm / norm);
        for (Tensor tensor : tensors) {
            float[] g = tensor.gradient();
            for (int i = 0; i < tensor.size(); i++) {
                g[i] *= scale;
            }
        }
    }

    /** Clamps every gradient value to {@code [−maxValue, maxValue]}. */
    static void clipByValue(List<Tensor> tensors, double maxValue) {
        float limit = (float) maxValue;
        for (Tensor tensor : tensors) {
            float[] g = tensor.gradient();
            for (int i = 0; i < tensor.size(); i++) {
                g[i] = Math.max(-limit, Math.min(limit, g[i]));
            }
        }
    }

    /** Scales each column of {@code tensor} (the weights into one neuron) whose L2 norm exceeds {@code maxNorm}. */
    static void maxNorm(Tensor tensor, double maxNorm) {
        float[] w = tensor.value();
        int rows = tensor.rows();
        int cols = tensor.cols();
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double v = w[i * cols + j];
                sum += v * v;
            }
            double norm = Math.sqrt(sum);
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / norm);
                for (int i = 0; i < rows; i++) {
                    w[i * cols + j] *= scale;
                }
            }
        }
    }
}
