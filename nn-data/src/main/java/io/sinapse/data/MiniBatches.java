package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.util.Random;

/**
 * Walks a dataset in mini-batches, one epoch after another, reshuffling the row order at the start of each
 * (seeded) or keeping it. The batch arrays are allocated once and refilled: no per-row objects and no allocation
 * per batch, whatever the number of epochs.
 *
 * <pre>{@code
 * MiniBatches batches = MiniBatches.shuffled(train, 32, 42);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     while (batches.next()) {
 *         step(batches.features(), batches.targets(), batches.size());
 *     }
 * }
 * }</pre>
 *
 * {@link #next()} returns false once after the last batch of an epoch; the call after that starts the next
 * epoch. The last batch of an epoch is smaller when the rows do not divide evenly: only the first
 * {@link #size()} rows of the arrays are valid then. Not thread-safe: one walker per training loop.
 */
public final class MiniBatches {

    private final Dataset data;
    private final int batchSize;
    private final Random random;
    private final int[] order;
    private final float[] features;
    private final float[] targets;
    private int cursor = -1;
    private int size;

    private MiniBatches(Dataset data, int batchSize, Random random) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("The batch size must be positive, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.random = random;
        this.order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int rowsPerBatch = Math.min(batchSize, Math.max(1, data.rows()));
        this.features = new float[rowsPerBatch * data.featureCount()];
        this.targets = new float[rowsPerBatch * data.targetCount()];
    }

    /** Batches in a new random order every epoch, drawn from {@code seed}. */
    public static MiniBatches shuffled(Dataset data, int batchSize, long seed) {
        return new MiniBatches(data, batchSize, new Random(seed));
    }

    /** Batches in row order, the same every epoch: for evaluation. */
    public static MiniBatches inOrder(Dataset data, int batchSize) {
        return new MiniBatches(data, batchSize, null);
    }

    /** Fills the arrays with the next batch; false (and nothing filled) when the epoch is over. */
    public boolean next() {
        if (cursor < 0) {
            if (random != null) {
                Shuffle.inPlace(order, 0, order.length, random);
            }
            cursor = 0;
        }
        if (cursor >= order.length) {
            cursor = -1;
            size = 0;
            return false;
        }
        size = Math.min(batchSize, order.length - cursor);
        data.gather(order, cursor, size, features, targets);
        cursor += size;
        return true;
    }

    /** The current batch's features, {@link #size()} rows (the array may be longer). Same array every batch. */
    public float[] features() {
        return features;
    }

    /** The current batch's targets, {@link #size()} rows (the array may be longer). Same array every batch. */
    public float[] targets() {
        return targets;
    }

    /** Rows in the current batch: the batch size, or fewer for the last batch of an epoch. */
    public int size() {
        return size;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch, counting a smaller last one. */
    public int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }
}
