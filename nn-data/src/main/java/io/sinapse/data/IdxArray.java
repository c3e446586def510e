package io.sinapse.data;

/**
 * Values read from an IDX file: {@code shape[0]} items of {@code shape[1] × … } values each, row-major in one
 * array, every unsigned byte {@code b} as {@code b / 255f}, in [0, 1]. The arrays are not copied.
 *
 * @param shape  the dimensions read, items first (fewer items than the file holds when a limit was given)
 * @param values {@code shape[0] × itemSize()} values
 */
public record IdxArray(int[] shape, float[] values) {

    public int count() {
        return shape[0];
    }

    /** Values per item, e.g. 784 for a 28 × 28 image. */
    public int itemSize() {
        return IdxHeader.itemSize(shape);
    }
}
