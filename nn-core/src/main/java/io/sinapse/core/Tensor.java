package io.sinapse.core;

/**
 * A trainable parameter of a layer (its weights or its bias): the values, their gradient from the last backward
 * pass, and the optimizer's memory for them. {@code regularized} says whether weight penalties apply: weights yes,
 * biases no, as the course and common practice do.
 */
public final class Tensor {

    private final String name;
    private final int rows;
    private final int cols;
    private final float[] value;
    private final float[] gradient;
    private final boolean regularized;
    private float[] optimizerState = new float[0];
    private long steps;

    public Tensor(String name, int rows, int cols, boolean regularized) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.value = new float[rows * cols];
        this.gradient = new float[rows * cols];
        this.regularized = regularized;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return value.length;
    }

    /** The values, row-major (not a copy: layers and optimizers update them in place). */
    public float[] value() {
        return value;
    }

    /** ∂loss/∂value from the last backward pass (not a copy). */
    public float[] gradient() {
        return gradient;
    }

    public boolean regularized() {
        return regularized;
    }

    /** The optimizer's memory for this tensor, sized by the optimizer on first use. */
    public float[] optimizerState(int size) {
        if (optimizerState.length != size) {
            optimizerState = new float[size];
            steps = 0;
        }
        return optimizerState;
    }

    /** Counts one more optimizer step on this tensor and returns its 1-based number. */
    public long nextStep() {
        return ++steps;
    }

    /** How many optimizer steps this tensor has taken (0 before the first). */
    public long steps() {
        return steps;
    }

    /** Puts back the optimizer's memory saved with a checkpoint, so training resumes where it stopped. */
    public void restoreOptimizerState(float[] state, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("The step count of " + name + " cannot be negative, got " + steps);
        }
        this.optimizerState = state.clone();
        this.steps = steps;
    }

    /** Forgets the optimizer's memory, e.g. before training anew with another optimizer. */
    public void resetOptimizerState() {
        optimizerState = new float[0];
        steps = 0;
    }

    /** Replaces all values with {@code values} (row-major, same size). */
    public void set(float[] values) {
        if (values.length != value.length) {
            throw new IllegalArgumentException(name + " holds " + rows + "×" + cols + " = " + value.length
                    + " values, got " + values.length);
        }
        System.arraycopy(values, 0, value, 0, value.length);
    }
}
