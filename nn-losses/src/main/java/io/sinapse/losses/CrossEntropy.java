package io.sinapse.losses;

import io.sinapse.api.Loss;
import java.util.Optional;

/**
 * Categorical cross-entropy with the softmax built in. It takes the LOGITS z (the pre-activations of the output
 * layer), not probabilities, and targets t whose rows are one-hot labels or soft distributions:
 * {@code value = mean over rows of −Σ_j t_j log softmax(z)_j}.
 *
 * <p>log softmax(z)_j = z_j − logsumexp(z), and logsumexp is computed as {@code m + log Σ_j e^(z_j − m)} with m the
 * row's maximum, so no exponential overflows and no probability is rounded to 0 before its log is taken. The
 * gradient is {@code ((Σ_j t_j)·softmax(z) − t) / rows}, i.e. the well-known {@code (softmax(z) − t) / rows} when
 * the target rows sum to 1. Because it absorbs the softmax, {@link #fusedActivation()} names it: a network ending
 * in softmax hands this loss the logits and skips the softmax's backward pass.
 */
public final class CrossEntropy implements Loss {

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public Optional<String> fusedActivation() {
        return Optional.of("softmax");
    }

    @Override
    public double value(double[] logits, double[] target, int rows, int cols) {
        double total = 0;
        for (int start = 0; start < rows * cols; start += cols) {
            int end = start + cols;
            double max = rowMax(logits, start, end);
            double sum = 0;
            for (int i = start; i < end; i++) {
                sum += Math.exp(logits[i] - max);
            }
            double logSumExp = max + Math.log(sum);
            for (int i = start; i < end; i++) {
                if (target[i] != 0) { // skipping 0·(−log 0) keeps masked logits of −∞ from giving NaN
                    total += target[i] * (logSumExp - logits[i]);
                }
            }
        }
        return total / rows;
    }

    @Override
    public double value(float[] logits, float[] target, int rows, int cols) {
        double total = 0;
        for (int start = 0; start < rows * cols; start += cols) {
            int end = start + cols;
            float max = rowMax(logits, start, end);
            double sum = 0;
            for (int i = start; i < end; i++) {
                sum += Math.exp(logits[i] - max);
            }
            double logSumExp = max + Math.log(sum);
            for (int i = start; i < end; i++) {
                if (target[i] != 0) {
                    total += target[i] * (logSumExp - logits[i]);
                }
            }
        }
        return total / rows;
    }

    @Override
    public void gradient(double[] logits, double[] target, double[] grad, int rows, int cols) {
        for (int start = 0; start < rows * cols; start += cols) {
            int end = start + cols;
            double max = rowMax(logits, start, end);
            double sum = 0;
            double targetSum = 0;
            for (int i = start; i < end; i++) {
                sum += Math.exp(logits[i] - max);
                targetSum += target[i];
            }
            for (int i = start; i < end; i++) {
                double softmax = Math.exp(logits[i] - max) / sum;
                grad[i] = (targetSum * softmax - target[i]) / rows;
            }
        }
    }

    /** The float gradient is {@link #valueAndGradient}'s, whose value costs one logarithm a row more. */
    @Override
    public void gradient(float[] logits, float[] target, float[] grad, int rows, int cols) {
        valueAndGradient(logits, target, grad, rows, cols);
    }

    /**
     * {@link #value(float[], float[], int, int)} and the gradient in one pass, each exponential taken once instead
     * of twice (the step's costliest part of the loss); the value is the same sums in the same order, so the same
     * bits. Each exponential is kept in {@code grad} (as a float, which PyTorch's float32 softmax also rounds to)
     * until the row's sum is known, then turned into the gradient in place.
     */
    @Override
    public double valueAndGradient(float[] logits, float[] target, float[] grad, int rows, int cols) {
        double total = 0;
        for (int start = 0; start < rows * cols; start += cols) {
            int end = start + cols;
            float max = rowMax(logits, start, end);
            double sum = 0;
            double targetSum = 0;
            for (int i = start; i < end; i++) {
                double e = Math.exp(logits[i] - max);
                grad[i] = (float) e;
                sum += e;
                targetSum += target[i];
            }
            double logSumExp = max + Math.log(sum);
            double scale = targetSum / sum;
            for (int i = start; i < end; i++) {
                if (target[i] != 0) {
                    total += target[i] * (logSumExp - logits[i]);
                }
                grad[i] = (float) ((scale * grad[i] - target[i]) / rows);
            }
        }
        return total / rows;
    }

    /** The row's maximum; NaN if the row holds a NaN, which then spreads to the row's value and gradient. */
    private static double rowMax(double[] z, int start, int end) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            max = Math.max(max, z[i]);
        }
        return max;
    }

    /** The float paths shift by this in float, {@code z − max}, as PyTorch's float32 kernels do (and faster). */
    private static float rowMax(float[] z, int start, int end) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            max = Math.max(max, z[i]);
        }
        return max;
    }

    @Override
    public String toString() {
        return spec();
    }
}
