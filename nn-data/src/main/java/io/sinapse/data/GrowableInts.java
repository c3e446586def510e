package io.sinapse.data;

import java.util.Arrays;

/** An int array that grows by doubling while a file of unknown length is read. */
final class GrowableInts {

    private int[] values;
    private int size;

    GrowableInts(int initialCapacity) {
        values = new int[Math.max(16, initialCapacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
