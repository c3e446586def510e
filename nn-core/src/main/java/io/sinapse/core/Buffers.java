package io.sinapse.core;

/** Grows a layer's reusable buffer only when a batch is larger than any seen before. */
final class Buffers {

    private Buffers() {
    }

    static float[] ensure(float[] buffer, int size) {
        return buffer != null && buffer.length >= size ? buffer : new float[size];
    }
}
