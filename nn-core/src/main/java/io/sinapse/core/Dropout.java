package io.sinapse.core;

import java.util.SplittableRandom;

/**
 * Dropout: while training, each value of its input is dropped (set to 0) with probability {@code rate}, a new
 * random choice for every example and every batch, so no neuron can rely on any particular other one. This is
 * the "remove neurons and their connections at random" of the course.
 *
 * <p>Inverted dropout: the values kept are multiplied by {@code 1 / (1 − rate)} at training time, so the
 * expected value of each output equals its input and nothing needs rescaling at inference, where this layer is
 * the identity. Backward multiplies the gradient by the same mask, the derivative of {@code out = mask·in}.
 *
 * <p>The masks come from a {@link SplittableRandom} seeded at construction ({@link Network.Builder#dropout}
 * derives the seed from the network's seed): the same seed gives the same sequence of masks.
 */
public final class Dropout implements Layer {

    private final int size;
    private final double rate;
    private final float scale;
    private long seed;
    private SplittableRandom random;
    private float[] mask;
    private float[] output;
    private float[] gradInput;
    private boolean lastWasTraining;

    /**
     * @param size the number of values in each row (the width of the layer before)
     * @param rate the probability of dropping each value, in [0, 1)
     * @param seed the seed of the masks
     */
    public Dropout(int size, double rate, long seed) {
        if (size <= 0) {
            throw new IllegalArgumentException("A dropout layer needs at least one value per row, got " + size);
        }
        checkRate(rate);
        this.size = size;
        this.rate = rate;
        this.scale = (float) (1.0 / (1.0 - rate));
        reseed(seed);
    }

    static void checkRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("The dropout rate is the probability of dropping a value and must be in"
                    + " [0, 1), got " + rate + " (0 keeps every value; 0.5 drops half; 1 would drop them all)");
        }
    }

    /** The probability of dropping each value. */
    public double rate() {
        return rate;
    }

    /** The seed the current sequence of masks started from. */
    public long seed() {
        return seed;
    }

    /** Restarts the sequence of masks from {@code seed}. */
    public void reseed(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * The mask of the last training batch ({@code rows × size} values, each 0 or {@code 1 / (1 − rate)}), a copy;
     * empty before the first training batch.
     */
    public float[] lastMask(int rows) {
        return mask == null ? new float[0] : java.util.Arrays.copyOf(mask, rows * size);
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    /** Training: {@code out = in · mask}; inference (or rate 0): the input itself, unchanged. */
    @Override
    public float[] forward(float[] input, int rows, boolean training) {
        lastWasTraining = training && rate > 0;
        if (!lastWasTraining) {
            return input;
        }
        int n = rows * size;
        mask = Buffers.ensure(mask, n);
        output = Buffers.ensure(output, n);
        for (int i = 0; i < n; i++) {
            float m = random.nextDouble() < rate ? 0f : scale;
            mask[i] = m;
            output[i] = input[i] * m;
        }
        return output;
    }

    /** Inference keeps every value: the input itself. */
    @Override
    public float[] infer(float[] input, int rows, float[] output) {
        return input;
    }

    @Override
    public float[] backward(float[] gradOutput, int rows, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        if (!lastWasTraining) {
            return gradOutput;
        }
        int n = rows * size;
        gradInput = Buffers.ensure(gradInput, n);
        for (int i = 0; i < n; i++) {
            gradInput[i] = gradOutput[i] * mask[i];
        }
        return gradInput;
    }

    @Override
    public String describe() {
        return "Dropout(rate=" + rate + ")";
    }
}
