package io.sinapse.data;

import java.util.Random;

/**
 * Fisher–Yates shuffles of row orders. {@link Random} because its algorithm is specified, so a seed gives the same
 * order on every JVM and version, which keeps splits and experiments reproducible.
 */
final class Shuffle {

    private Shuffle() {
    }

    /** {@code 0 … n-1} in an order drawn from {@code random}. */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        inPlace(order, 0, n, random);
        return order;
    }

    /** Shuffles {@code order[from … to-1]} in place, allocating nothing. */
    static void inPlace(int[] order, int from, int to, Random random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
