package io.sinapse.data;

/**
 * Values read from an IDX file as they are stored: {@code shape[0]} items of {@code shape[1] × … } unsigned bytes
 * each, row-major in one array (read a byte {@code b} as {@code b & 0xFF}, 0–255). A quarter of the memory of the
 * same values as floats ({@link IdxArray}). The arrays are not copied.
 *
 * @param shape  the dimensions read, items first (fewer items than the file holds when a limit was given)
 * @param values {@code shape[0] × itemSize()} bytes
 */
public record IdxBytes(int[] shape, byte[] values) {

    public int count() {
        return shape[0];
    }

    /** Values per item, e.g. 784 for a 28 × 28 image. */
    public int itemSize() {
        return IdxHeader.itemSize(shape);
    }
}
