package io.sinapse.persistence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Tensors on disk: IEEE 754 float32, little-endian, row-major, nothing else — numpy reads them as {@code <f4}. */
final class LittleEndianFloats {

    private LittleEndianFloats() {
    }

    static byte[] encode(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }

    /** {@code bytes.length} must be a multiple of 4; the caller has checked it against the tensor's shape. */
    static float[] decode(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
