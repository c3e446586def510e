package io.sinapse.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The header of an IDX file (the MNIST format): the magic number, whose third byte is the value type and fourth
 * the number of dimensions, then each dimension as a big-endian int. The first dimension counts the items
 * (images, labels); the others give each item's shape, e.g. {@code 60000 × 28 × 28}.
 *
 * @param type       the value type code, {@code 0x08} for unsigned bytes
 * @param dimensions the sizes, items first (the array is not copied: do not change it)
 */
public record IdxHeader(int type, int[] dimensions) {

    /** The value type of MNIST images and labels: unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    /** The four magic bytes as one big-endian int: {@code 0x00000803} for MNIST images, {@code 0x00000801} for labels. */
    public int magic() {
        return (type << 8) | dimensions.length;
    }

    /** The number of items: images in an image file, labels in a label file. */
    public int count() {
        return dimensions[0];
    }

    /** Values per item: 784 for a 28 × 28 image, 1 for a label. */
    public int itemSize() {
        return itemSize(dimensions);
    }

    /** The product of the sizes after the first: the values in one item of that shape. */
    static int itemSize(int[] shape) {
        int size = 1;
        for (int i = 1; i < shape.length; i++) {
            size *= shape[i];
        }
        return size;
    }

    /** {@code 60000 × 28 × 28}. */
    public String shape() {
        return Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining(" × "));
    }
}
