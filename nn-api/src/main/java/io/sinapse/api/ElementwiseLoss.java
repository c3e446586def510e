package io.sinapse.api;

/**
 * Base for losses that are the mean over all {@code rows × cols} elements of a per-element loss: write
 * {@link #loss} and {@link #derivative}, and the batch methods of {@link Loss} follow.
 */
public abstract class ElementwiseLoss implements Loss {

    /** The loss of one prediction {@code p} against its target {@code t}. */
    public abstract double loss(double p, double t);

    /** ∂loss(p, t)/∂p. */
    public abstract double derivative(double p, double t);

    @Override
    public double value(float[] predicted, float[] target, int rows, int cols) {
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss(predicted[i], target[i]);
        }
        return sum / n;
    }

    @Override
    public void gradient(float[] predicted, float[] target, float[] grad, int rows, int cols) {
        int n = rows * cols;
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            grad[i] = (float) (derivative(predicted[i], target[i]) * scale);
        }
    }

    @Override
    public double value(double[] predicted, double[] target, int rows, int cols) {
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss(predicted[i], target[i]);
        }
        return sum / n;
    }

    @Override
    public void gradient(double[] predicted, double[] target, double[] grad, int rows, int cols) {
        int n = rows * cols;
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            grad[i] = derivative(predicted[i], target[i]) * scale;
        }
    }

    @Override
    public String toString() {
        return spec();
    }
}
