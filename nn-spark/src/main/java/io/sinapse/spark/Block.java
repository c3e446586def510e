package io.sinapse.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One partition's examples as one block: the global row ids (ascending), the features and the targets, each a
 * row-major {@code float[]} as in {@link io.sinapse.core.Dataset}. A row's id is its position in the input (the
 * line of the CSV file, the row of the DataFrame), so the same id names the same example on every machine and in
 * single-machine training.
 */
final class Block implements Serializable {

    private static final long serialVersionUID = 1L;

    final long[] ids;
    final float[] features;
    final float[] targets;
    final int featureCount;
    final int targetCount;

    Block(long[] ids, float[] features, int featureCount, float[] targets, int targetCount) {
        if (features.length != ids.length * featureCount || targets.length != ids.length * targetCount) {
            throw new IllegalArgumentException("A block of " + ids.length + " rows needs " + ids.length * featureCount
                    + " feature and " + ids.length * targetCount + " target values, got " + features.length + " and "
                    + targets.length);
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("Row ids in a block must ascend, got " + ids[i - 1] + " then "
                        + ids[i]);
            }
        }
        this.ids = ids;
        this.features = features;
        this.featureCount = featureCount;
        this.targets = targets;
        this.targetCount = targetCount;
    }

    int rows() {
        return ids.length;
    }

    /** The local index of row {@code id}, or a negative number when this block does not hold it. */
    int indexOf(long id) {
        return Arrays.binarySearch(ids, id);
    }

    /**
     * Copies the rows of {@code batch} (global ids, in batch order) that this block holds into {@code x} and
     * {@code y}, keeping the batch order; returns how many it copied.
     */
    int gather(long[] batch, float[] x, float[] y) {
        int count = 0;
        for (long id : batch) {
            int row = indexOf(id);
            if (row >= 0) {
                System.arraycopy(features, row * featureCount, x, count * featureCount, featureCount);
                System.arraycopy(targets, row * targetCount, y, count * targetCount, targetCount);
                count++;
            }
        }
        return count;
    }

    /** The same rows with other features (e.g. scaled). */
    Block withFeatures(float[] scaled) {
        return new Block(ids, scaled, featureCount, targets, targetCount);
    }

    /** The same rows with other targets (e.g. a standardised regression target). */
    Block withTargets(float[] values) {
        return new Block(ids, features, featureCount, values, targetCount);
    }
}
