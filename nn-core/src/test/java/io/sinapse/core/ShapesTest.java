package io.sinapse.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arrays too small for the shapes given: the public products and layers say which call, which argument and how
 * many floats, before writing anything. They used to fail part-way with an index out of bounds, or, where a product
 * skipped zero inputs, not at all.
 */
class ShapesTest {

    private static final float UNTOUCHED = 42f;

    /** A product with the shapes of the first layer (and a tiny one), one of its arrays one float short. */
    @ParameterizedTest
    @CsvSource({
            "multiply, a, 128, 784, 256", "multiply, b, 128, 784, 256", "multiply, c, 128, 784, 256",
            "multiply, b, 1, 784, 256", "multiply, b, 2, 3, 4",
            "multiplyTransposedLeft, a, 128, 784, 256", "multiplyTransposedLeft, c, 128, 784, 256",
            "multiplyTransposedRight, b, 128, 784, 256", "multiplyTransposedRight, c, 2, 3, 4"})
    void aProductRejectsAnArrayTooSmallBeforeWriting(String product, String shortOne, int m, int k, int n) {
        Kernels.threads(2);
        try {
            // Sizes as each product names its arrays; all-zero inputs, as when a product skips zeros.
            int[][] sizes = switch (product) {
                case "multiply" -> new int[][]{{m, k}, {k, n}, {m, n}};
                case "multiplyTransposedLeft" -> new int[][]{{m, k}, {m, n}, {k, n}};
                default -> new int[][]{{m, n}, {k, n}, {m, k}};
            };
            float[][] arrays = new float[3][];
            for (int i = 0; i < 3; i++) {
                boolean isShort = "abc".charAt(i) == shortOne.charAt(0);
                arrays[i] = new float[sizes[i][0] * sizes[i][1] - (isShort ? 1 : 0)];
            }
            float[] c = arrays[2];
            Arrays.fill(c, UNTOUCHED);
            float[] before = c.clone();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                switch (product) {
                    case "multiply" -> Kernels.multiply(arrays[0], arrays[1], c, m, k, n);
                    case "multiplyTransposedLeft" -> Kernels.multiplyTransposedLeft(arrays[0], arrays[1], c, m, k, n);
                    default -> Kernels.multiplyTransposedRight(arrays[0], arrays[1], c, m, n, k);
                }
            });
            String message = e.getMessage();
            int index = "abc".indexOf(shortOne);
            String expected = "Kernels." + product + ": " + shortOne + " (";
            assertTrue(message.startsWith(expected), message);
            assertTrue(message.contains("holds " + (sizes[index][0] * sizes[index][1] - 1) + " floats, too few for "
                    + sizes[index][0] + "×" + sizes[index][1]), message);
            assertArrayEquals(before, c, "nothing written to c");
        } finally {
            Kernels.threads(1);
        }
    }

    @Test
    void theOtherKernelsAndNegativeOrMissingSizesAreRejected() {
        assertMessage("Kernels.addRowVector: bias (1×n) holds 2 floats, too few for 1×3",
                () -> Kernels.addRowVector(new float[6], new float[2], 2, 3));
        assertMessage("Kernels.sumColumns: a (m×n) holds 5 floats, too few for 2×3",
                () -> Kernels.sumColumns(new float[5], new float[3], 2, 3));
        assertMessage("Kernels.multiply: a (m×k) cannot be -1×3",
                () -> Kernels.multiply(new float[3], new float[3], new float[3], -1, 3, 1));
        assertMessage("Kernels.multiply: c (m×n) is null",
                () -> Kernels.multiply(new float[3], new float[3], null, 1, 3, 1));
    }

    @Test
    void aLayerNamesItselfAndTheArgument() {
        Dense dense = new Dense(784, 256);
        assertMessage("Dense(784 → 256): input (rows×inputs) holds 783 floats, too few for 1×784",
                () -> dense.infer(new float[783], 1, new float[256]));
        assertMessage("Dense(784 → 256): output (rows×outputs) holds 255 floats, too few for 1×256",
                () -> dense.infer(new float[784], 1, new float[255]));
        assertMessage("Dense(784 → 256): the input of the last forward pass (rows×inputs; call forward first) is null",
                () -> dense.backward(new float[256], 1, true));
        dense.forward(new float[2 * 784], 2, true);
        assertMessage("Dense(784 → 256): gradOutput (rows×outputs) holds 256 floats, too few for 2×256",
                () -> dense.backward(new float[256], 2, true));

        ActivationLayer relu = new ActivationLayer(io.sinapse.api.Plugins.load().activation("relu"), 4);
        assertMessage("Activation(relu): output (rows×size) holds 7 floats, too few for 2×4",
                () -> relu.infer(new float[8], 2, new float[7]));
        Dropout dropout = new Dropout(4, 0.5, 1);
        assertMessage("Dropout(rate=0.5): input (rows×size) holds 3 floats, too few for 1×4",
                () -> dropout.forward(new float[3], 1, true));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
