package io.sinapse.core;

/**
 * Checks, before any work, that the arrays a call was given hold the matrices it names: a clear error instead of an
 * index out of bounds part-way through a product (with part of the result already written), or no error at all
 * where a product skips the zero inputs that would have reached past the end.
 */
final class Shapes {

    private Shapes() {
    }

    /**
     * Throws unless {@code array} holds a {@code rows×cols} matrix: at least rows·cols floats (a larger array is a
     * reused buffer). {@code where} names the call, or is the layer whose {@link Layer#describe} names it (taken only
     * on failure: a training step checks its layers' arrays without building a string), {@code name} the argument.
     */
    static void requireMatrix(Object where, String name, float[] array, int rows, int cols) {
        if (rows >= 0 && cols >= 0 && array != null && array.length >= (long) rows * cols) {
            return;
        }
        String place = where instanceof Layer layer ? layer.describe() : String.valueOf(where);
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(place + ": " + name + " cannot be " + rows + "×" + cols
                    + "; sizes are 0 or more");
        }
        long needed = (long) rows * cols;
        if (array == null) {
            throw new IllegalArgumentException(place + ": " + name + " is null; pass an array of " + rows + "×" + cols
                    + " = " + needed + " floats");
        }
        throw new IllegalArgumentException(place + ": " + name + " holds " + array.length + " floats, too few for "
                + rows + "×" + cols + " = " + needed + "; check the sizes passed, or give a larger array");
    }
}
