package io.sinapse.data;

import java.util.Arrays;

/** A float array that grows by doubling while a file of unknown length is read; trimmed once at the end. */
final class GrowableFloats {

    private float[] values;
    private int size;

    GrowableFloats(int initialCapacity) {
        values = new float[Math.max(16, initialCapacity)];
    }

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** The values added, in an array of exactly that length. */
    float[] toArray() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
