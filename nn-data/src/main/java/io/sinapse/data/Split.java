package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.util.Arrays;
import java.util.Random;

/**
 * A dataset cut into training, validation and test examples, in a seeded random order: the same seed gives the
 * same split. Each part is a copy; every row lands in exactly one part.
 *
 * <p>Sizes: the training part gets {@code round(n · trainFraction)} rows, validation
 * {@code round(n · validationFraction)}, test the rest. A stratified split applies the same rule to each class
 * on its own, so every part keeps the class proportions; classes are read from one-hot targets (the largest
 * column) or a single 0/1 column.
 *
 * @param train      the examples to fit on (and to fit a {@link Scaler} on)
 * @param validation the examples to choose settings and stop training by (may have no rows)
 * @param test       the examples to report the final result on (may have no rows)
 */
public record Split(Dataset train, Dataset validation, Dataset test) {

    /** A random split: e.g. {@code of(data, 0.7, 0.15, 42)} for 70 % / 15 % / 15 %. */
    public static Split of(Dataset data, double trainFraction, double validationFraction, long seed) {
        checkFractions(trainFraction, validationFraction);
        int n = data.rows();
        int[] order = Shuffle.permutation(n, new Random(seed));
        int trainCount = Math.toIntExact(Math.round(n * trainFraction));
        int validationCount = Math.min(n - trainCount, Math.toIntExact(Math.round(n * validationFraction)));
        return new Split(data.select(Arrays.copyOfRange(order, 0, trainCount)),
                data.select(Arrays.copyOfRange(order, trainCount, trainCount + validationCount)),
                data.select(Arrays.copyOfRange(order, trainCount + validationCount, n)));
    }

    /** A random split that keeps each class's share of rows the same in every part. */
    public static Split stratified(Dataset data, double trainFraction, double validationFraction, long seed) {
        checkFractions(trainFraction, validationFraction);
        int n = data.rows();
        int[] classOf = classes(data);
        int classCount = data.targetCount() == 1 ? 2 : data.targetCount();
        int[] perClass = new int[classCount];
        for (int c : classOf) {
            perClass[c]++;
        }
        // Rows grouped by class, each group in random order.
        int[] start = new int[classCount + 1];
        for (int c = 0; c < classCount; c++) {
            start[c + 1] = start[c] + perClass[c];
        }
        int[] grouped = new int[n];
        int[] fill = Arrays.copyOf(start, classCount);
        for (int row = 0; row < n; row++) {
            grouped[fill[classOf[row]]++] = row;
        }
        Random random = new Random(seed);
        int[] train = new int[n];
        int[] validation = new int[n];
        int[] test = new int[n];
        int trainSize = 0;
        int validationSize = 0;
        int testSize = 0;
        for (int c = 0; c < classCount; c++) {
            Shuffle.inPlace(grouped, start[c], start[c + 1], random);
            int size = perClass[c];
            int trainCount = Math.toIntExact(Math.round(size * trainFraction));
            int validationCount = Math.min(size - trainCount, Math.toIntExact(Math.round(size * validationFraction)));
            for (int i = 0; i < size; i++) {
                int row = grouped[start[c] + i];
                if (i < trainCount) {
                    train[trainSize++] = row;
                } else if (i < trainCount + validationCount) {
                    validation[validationSize++] = row;
                } else {
                    test[testSize++] = row;
                }
            }
        }
        // Mix the classes within each part, so a part read in order is not sorted by class.
        Shuffle.inPlace(train, 0, trainSize, random);
        Shuffle.inPlace(validation, 0, validationSize, random);
        Shuffle.inPlace(test, 0, testSize, random);
        return new Split(data.select(Arrays.copyOf(train, trainSize)),
                data.select(Arrays.copyOf(validation, validationSize)), data.select(Arrays.copyOf(test, testSize)));
    }

    /** A copy of {@code data} with its rows in a seeded random order. */
    public static Dataset shuffled(Dataset data, long seed) {
        return data.select(Shuffle.permutation(data.rows(), new Random(seed)));
    }

    /** The class index of every row; an error if the targets are not one-hot rows or a 0/1 column. */
    static int[] classes(Dataset data) {
        int rows = data.rows();
        int columns = data.targetCount();
        float[] y = data.targets();
        int[] classOf = new int[rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            if (columns == 1) {
                float v = y[offset];
                if (v != 0f && v != 1f) {
                    throw new IllegalArgumentException("Cannot stratify: row " + r + " has target " + v
                            + ", but a single target column must hold classes 0 and 1");
                }
                classOf[r] = (int) v;
                continue;
            }
            int hot = -1;
            for (int c = 0; c < columns; c++) {
                float v = y[offset + c];
                if (v == 1f && hot < 0) {
                    hot = c;
                } else if (v != 0f) {
                    hot = -2;
                    break;
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException("Cannot stratify: the targets of row " + r + " are "
                        + Arrays.toString(Arrays.copyOfRange(y, offset, offset + columns))
                        + ", not a one-hot class");
            }
            classOf[r] = hot;
        }
        return classOf;
    }

    private static void checkFractions(double trainFraction, double validationFraction) {
        if (!(trainFraction >= 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1)) {
            throw new IllegalArgumentException("Fractions must be zero or more and add up to at most 1 (the test"
                    + " part gets the rest), got train " + trainFraction + " and validation " + validationFraction);
        }
    }
}
