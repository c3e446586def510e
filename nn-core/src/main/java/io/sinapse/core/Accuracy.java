package io.sinapse.core;

/**
 * The share of examples classified right. With one output column the class is {@code output > 0.5} against
 * {@code target > 0.5}; with several, the column of the largest output against the column of the largest target
 * (one-hot rows).
 */
public final class Accuracy {

    private Accuracy() {
    }

    /** How many of the {@code rows} rows of {@code output} pick the class their {@code target} row names. */
    public static int correct(float[] output, float[] target, int rows, int cols) {
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            boolean right = cols == 1
                    ? (output[offset] > 0.5f) == (target[offset] > 0.5f)
                    : argmax(output, offset, cols) == argmax(target, offset, cols);
            if (right) {
                correct++;
            }
        }
        return correct;
    }

    /** The index (0-based, within the row) of the largest of {@code cols} values starting at {@code offset}. */
    public static int argmax(float[] values, int offset, int cols) {
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /** The accuracy of {@code network} on {@code data}, between 0 and 1. */
    public static double of(Network network, Dataset data) {
        return new Evaluator(network, null).evaluate(data).accuracy();
    }
}
