package io.sinapse.core;

/**
 * Rosenblatt's perceptron: one neuron with a step activation, ŷ = 1 if w·x + b > 0 else 0 (the bias b is minus
 * the threshold), trained by the perceptron rule on each misclassified example:
 * {@code w ← w + η(y − ŷ)x}, {@code b ← b + η(y − ŷ)}.
 *
 * <p>A linear binary classifier: it separates two classes with a straight line (a hyperplane), so it learns AND
 * and OR but never XOR. Unlike the multilayer perceptron it has no hidden layer and no backpropagation.
 */
public final class Perceptron {

    private final float[] weights;
    private float bias;

    /** A perceptron with {@code inputs} inputs, all weights and the bias zero. */
    public Perceptron(int inputs) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("A perceptron needs at least one input, got " + inputs);
        }
        this.weights = new float[inputs];
    }

    /** A perceptron with chosen weights and threshold, as the course's concert example (3, 2, 6; 5). */
    public Perceptron(float[] weights, float threshold) {
        this(weights.length);
        System.arraycopy(weights, 0, this.weights, 0, weights.length);
        this.bias = -threshold;
    }

    /** What one training run did. */
    public record Training(int epochs, boolean converged, int errorsInLastEpoch) {
    }

    /** w·x + b for one example. */
    public float weightedSum(float[] x, int offset) {
        float sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * x[offset + i];
        }
        return sum;
    }

    /** The decision, 0 or 1, for one example. */
    public int predict(float... x) {
        checkInputs(x.length);
        return weightedSum(x, 0) > 0 ? 1 : 0;
    }

    /**
     * Applies the perceptron rule over the examples in order, epoch after epoch, until an epoch has no errors
     * (converged) or {@code maxEpochs} pass. Targets must be a single 0/1 column.
     */
    public Training train(Dataset data, double learningRate, int maxEpochs) {
        checkInputs(data.featureCount());
        if (data.targetCount() != 1) {
            throw new IllegalArgumentException("A perceptron learns one binary target; the data has "
                    + data.targetCount() + " target columns");
        }
        float[] x = data.features();
        float[] y = data.targets();
        int n = weights.length;
        int errors = 0;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            errors = 0;
            for (int r = 0; r < data.rows(); r++) {
                int predicted = weightedSum(x, r * n) > 0 ? 1 : 0;
                float error = y[r] - predicted;
                if (error != 0) {
                    errors++;
                    for (int i = 0; i < n; i++) {
                        weights[i] += (float) (learningRate * error * x[r * n + i]);
                    }
                    bias += (float) (learningRate * error);
                }
            }
            if (errors == 0) {
                return new Training(epoch, true, 0);
            }
        }
        return new Training(maxEpochs, false, errors);
    }

    public float[] weights() {
        return weights.clone();
    }

    public float bias() {
        return bias;
    }

    /** The threshold θ = −b. */
    public float threshold() {
        return -bias;
    }

    private void checkInputs(int count) {
        if (count != weights.length) {
            throw new IllegalArgumentException("This perceptron has " + weights.length + " inputs, got " + count);
        }
    }
}
