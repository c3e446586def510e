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

    /** The increment of {@link SplittableRandom}'s state per number drawn (one per {@code nextDouble()}). */
    private static final long SPLITTABLE_RANDOM_GAMMA = 0x9E3779B97F4A7C15L;

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
     * Positions the masks where {@code epochs} epochs of training on {@code rows} examples leave them, counted from
     * {@link #seed()}: each example of each epoch draws one number per value ({@code rows · size} per epoch), and
     * a {@link SplittableRandom} that has drawn n numbers from seed s is the one constructed from s + n·γ (its
     * increment, the golden-ratio constant below). How {@link Trainer.Builder#initialEpoch} resumes a run.
     */
    void skipEpochs(int epochs, int rows) {
        long draws = rate > 0 ? (long) epochs * rows * size : 0;
        this.random = new SplittableRandom(seed + draws * SPLITTABLE_RANDOM_GAMMA);
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
        Shapes.requireMatrix(this, "input (rows×size)", input, rows, size);
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
        Shapes.requireMatrix(this, "gradOutput (rows×size)", gradOutput, rows, size);
        if (!lastWasTraining) {
            return gradOutput;
        }
        Shapes.requireMatrix(this, "the mask of the last forward pass (rows×size)", mask, rows, size);
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
