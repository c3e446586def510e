package io.sinapse.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.sinapse.core.ProductThreadsTest.bits;

/**
 * The 256-bit products give the reference bits: on shapes that fill no tile, end mid-tile, or are the MLP's, whole
 * or a block of rows and columns at a time (as threads cut them), with zeros, infinities and NaN among the inputs.
 * They run here on any CPU with 256-bit vectors (an AVX-512 one too). The tests at the end check the routing when
 * the JVM runs with {@code -Dsinapse.kernels=256} (the build's second test run of this module does).
 */
class Vector256KernelsTest {

    @AfterEach
    void backToOneThread() {
        Kernels.threads(1);
    }

    @ParameterizedTest(name = "{0}×{1}×{2}")
    @CsvSource({"1,1,1", "1,7,3", "5,17,33", "6,16,16", "7,31,17", "12,5,32", "13,64,47", "128,784,10",
            "128,256,128", "37,1025,19", "6,1,16", "2,300,50"})
    void theThreeProductsGiveTheReferenceBits(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * k + n);
        float[] a = values(m * k, random);
        float[] b = values(k * n, random);
        float[] expected = new float[m * n];
        VectorKernels.referenceMultiply(a, b, expected, m, k, n);
        float[] actual = values(m * n, random);
        Vector256Kernels.multiply(a, 0, b, actual, k, n, 0, m, 0, n);
        assertArrayEquals(bits(expected), bits(actual), "a·b");

        float[] bm = values(m * n, random);
        expected = new float[k * n];
        VectorKernels.referenceMultiplyTransposedLeft(a, bm, expected, m, k, n);
        actual = values(k * n, random);
        Vector256Kernels.multiplyTransposedLeft(a, bm, actual, m, k, n, 0, k, 0, n);
        assertArrayEquals(bits(expected), bits(actual), "aᵀ·b");

        float[] w = values(n * k, random);
        expected = new float[m * n];
        VectorKernels.referenceMultiplyTransposedRight(a, w, expected, m, k, n);
        actual = values(m * n, random);
        Vector256Kernels.multiplyTransposedRight(a, w, actual, k, n, 0, m, 0, n);
        assertArrayEquals(bits(expected), bits(actual), "a·bᵀ");
    }

    /** A block of rows and columns, as one thread's share, leaves the rest of c alone and gets the reference bits. */
    @ParameterizedTest(name = "rows {0}…{1}, columns {2}…{3}")
    @CsvSource({"0,40,0,64", "8,40,32,96", "3,4,16,17", "0,40,80,96", "39,40,0,96", "10,30,33,90"})
    void aBlockOfTheResultIsComputedAloneAndWhole(int rowFrom, int rowTo, int colFrom, int colTo) {
        int m = 40;
        int k = 70;
        int n = 96;
        SplittableRandom random = new SplittableRandom(rowFrom * 1000L + colFrom);
        float[] a = values(m * k, random);
        float[] b = values(k * n, random);
        assertMultipliesLikeTheReference(a, b, m, k, n, rowFrom, rowTo, colFrom, colTo);
    }

    /**
     * One to three rows (one image, as inference takes it) go a row at a time, skipping the zero inputs: with half
     * of them ±0 and the weights finite, the reference's bits, whole or a block of columns at a time (threads cut
     * one row by blocks of 128 columns).
     */
    @ParameterizedTest(name = "{0}×{1}×{2}, columns {3}…{4}")
    @CsvSource({"1,784,256,0,256", "1,784,256,128,256", "2,100,70,0,70", "3,33,9,0,9", "1,5,200,64,136",
            "1,1,1,0,1", "1,300,64,0,64"})
    void fewRowsSkipTheirZerosAndKeepTheReferenceBits(int m, int k, int n, int colFrom, int colTo) {
        SplittableRandom random = new SplittableRandom(11L * k + n);
        float[] a = values(m * k, random);
        for (int i = 0; i < a.length; i++) {
            if (random.nextBoolean()) {
                a[i] = random.nextBoolean() ? 0f : -0f;
            }
        }
        float[] b = finiteValues(k * n, random);
        assertMultipliesLikeTheReference(a, b, m, k, n, 0, m, colFrom, colTo);
    }

    /**
     * More than 128 rows (inference on a test set) go sorted in 6-row tiles that skip the steps where all their rows
     * are zero: square images (a rectangle of values each, some touching the first or last column) or rows zero
     * outside a window, with ±0 inside, an all-zero row and a NaN; whole or a block of rows and columns, as threads
     * cut them.
     * Inside the block the reference's bits, each in its own row; outside, c untouched.
     */
    @ParameterizedTest(name = "{0}×{1}×{2}, rows {3}…{4}, columns {5}…{6}")
    @CsvSource({"129,784,256,0,129,0,256", "200,784,256,0,200,128,256", "300,784,256,0,300,0,256",
            "300,784,256,100,250,16,80", "133,400,70,0,133,0,70", "261,1024,33,0,261,0,33", "140,37,20,0,140,0,20",
            "135,784,16,0,135,0,16", "300,784,256,150,281,0,256"})
    void manyRowsSkipTheirSharedZerosAndKeepTheReferenceBits(int m, int k, int n, int rowFrom, int rowTo,
                                                             int colFrom, int colTo) {
        SplittableRandom random = new SplittableRandom(17L * m + 5L * k + n + rowFrom + colFrom);
        int side = VectorKernels.imageSide(k);
        float[] a = side > 0 ? TrainingAllocationTest.squareImages(m, side, random) : new float[m * k];
        for (int i = 0; i < m && side == 0; i++) {
            for (int p = random.nextInt(k / 3 + 1), to = k - random.nextInt(k / 3 + 1); p < to; p++) {
                a[i * k + p] = (float) random.nextDouble();
            }
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0f && random.nextInt(10) == 0) {
                a[i] = random.nextBoolean() ? 0f : -0f;
            }
        }
        java.util.Arrays.fill(a, 2 * k, 3 * k, 0f);
        a[5 * k + k / 2] = Float.NaN;
        float[] b = finiteValues(k * n, random);
        assertMultipliesLikeTheReference(a, b, m, k, n, rowFrom, rowTo, colFrom, colTo);
    }

    /** The width of an image's nonzero columns on 256-bit vectors: ±0 counts as zero, NaN as nonzero. */
    @ParameterizedTest(name = "side {0}: columns {1} … {2}")
    @CsvSource({"28,0,27", "28,5,5", "28,3,20", "20,0,19", "20,4,15", "32,0,31", "32,16,17", "32,1,30", "16,0,15",
            "16,7,8", "21,9,12"})
    void theWidthOfAnImageSpansItsFirstToItsLastNonzeroColumn(int side, int first, int last) {
        float[] image = VectorKernelsTest.imageWithColumns(side, first, last);
        assertEquals(last - first, Vector256Kernels.nonzeroWidth(image, 3, side, new int[32]));
    }

    /** Byte codes decoded by division: the reference table's floats, bit for bit, whatever the length and offsets. */
    @ParameterizedTest(name = "{0} codes from {1} to {2}, divided by {3}")
    @CsvSource({"0,0,0,255", "7,3,1,255", "8,0,0,255", "9,1,5,255", "784,784,0,255", "1025,7,3,255",
            "3000,11,13,3", "100,2,2,1"})
    void decodingByDivisionGivesTheTablesFloats(int n, int src, int dst, float divisor) {
        SplittableRandom random = new SplittableRandom(n + 17L * src);
        byte[] codes = new byte[src + n + 5];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) random.nextInt(256);
        }
        float[] table = new float[256];
        for (int code = 0; code < 256; code++) {
            table[code] = code / divisor;
        }
        float[] expected = new float[dst + n + 5];
        float[] actual = new float[dst + n + 5];
        java.util.Arrays.fill(expected, 42f);
        java.util.Arrays.fill(actual, 42f);
        Matrices.decode(codes, src, table, expected, dst, n);
        Vector256Kernels.decodeDividing(codes, src, divisor, actual, dst, n);
        assertArrayEquals(bits(expected), bits(actual), "decode of " + n + " codes by division");
    }

    /** Rows of a that start at an offset (a chunk of a larger input), as {@code Network.predict} reads them. */
    @Test
    void aReadFromAnOffsetGivesTheReferenceBits() {
        SplittableRandom random = new SplittableRandom(3);
        int m = 9;
        int k = 50;
        int n = 20;
        float[] big = values(3 * k + m * k, random);
        float[] a = java.util.Arrays.copyOfRange(big, 3 * k, 3 * k + m * k);
        float[] b = values(k * n, random);
        float[] expected = new float[m * n];
        VectorKernels.referenceMultiply(a, b, expected, m, k, n);
        float[] actual = new float[m * n];
        Vector256Kernels.multiply(big, 3 * k, b, actual, k, n, 0, m, 0, n);
        assertArrayEquals(bits(expected), bits(actual));
    }

    /**
     * With {@code -Dsinapse.kernels=256}, the layers' products run on these kernels, shared by one, two or three
     * threads, with the reference bits, on the MLP's shapes and odd ones.
     */
    @ParameterizedTest(name = "{0}×{1}×{2}")
    @CsvSource({"128,784,256", "128,256,128", "128,128,10", "1,784,256", "2048,784,256", "37,1025,19", "3,600,300"})
    void theLayersProductsRunHereWhenChosen(int m, int k, int n) {
        Assumptions.assumeTrue("256".equals(System.getProperty("sinapse.kernels")), "run with -Dsinapse.kernels=256");
        assertEquals("vector256", Kernels.kind());
        SplittableRandom random = new SplittableRandom(m + k + n);
        float[] a = values(m * k, random);
        float[] b = values(k * n, random);
        float[] bm = values(m * n, random);
        float[] w = values(n * k, random);
        float[] ab = new float[m * n];
        float[] atb = new float[k * n];
        float[] awt = new float[m * n];
        VectorKernels.referenceMultiply(a, b, ab, m, k, n);
        VectorKernels.referenceMultiplyTransposedLeft(a, bm, atb, m, k, n);
        VectorKernels.referenceMultiplyTransposedRight(a, w, awt, m, k, n);
        for (int threads = 1; threads <= 3; threads++) {
            Kernels.threads(threads);
            assertEquals(threads, Kernels.threads(), "the 256-bit products are shared too");
            float[] c = new float[m * n];
            Kernels.multiply(a, b, c, m, k, n);
            assertArrayEquals(bits(ab), bits(c), "a·b on " + threads + " threads");
            c = new float[k * n];
            Kernels.multiplyTransposedLeft(a, bm, c, m, k, n);
            assertArrayEquals(bits(atb), bits(c), "aᵀ·b on " + threads + " threads");
            c = new float[m * n];
            Kernels.multiplyTransposedRight(a, w, c, m, k, n);
            assertArrayEquals(bits(awt), bits(c), "a·bᵀ on " + threads + " threads");
        }
    }

    /**
     * Rows rowFrom… by columns colFrom… of {@code a·b} on the 256-bit kernel hold the reference's bits, and the rest
     * of c the sentinel it was filled with.
     */
    private static void assertMultipliesLikeTheReference(float[] a, float[] b, int m, int k, int n, int rowFrom,
                                                         int rowTo, int colFrom, int colTo) {
        float[] expected = new float[m * n];
        VectorKernels.referenceMultiply(a, b, expected, m, k, n);
        float sentinel = 12345f;
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, sentinel);
        Vector256Kernels.multiply(a, 0, b, c, k, n, rowFrom, rowTo, colFrom, colTo);
        assertBlock(expected, c, m, n, rowFrom, rowTo, colFrom, colTo, sentinel);
    }

    /** Uniform in ±1, all finite: weights for which skipping a zero input keeps the bits. */
    private static float[] finiteValues(int n, SplittableRandom random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** Inside rows rowFrom… and columns colFrom… c holds the expected bits; outside, the sentinel it was filled with. */
    private static void assertBlock(float[] expected, float[] c, int m, int n, int rowFrom, int rowTo, int colFrom,
                                    int colTo, float sentinel) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = i >= rowFrom && i < rowTo && j >= colFrom && j < colTo;
                float want = inside ? expected[i * n + j] : sentinel;
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(c[i * n + j]),
                        "c[" + i + "][" + j + "]" + (inside ? "" : ", outside the block, is left alone"));
            }
        }
    }

    /** Values in ±1, one in 20,000 of them ±0, ±∞ or NaN, which the fma chain carries as the reference does. */
    private static float[] values(int n, SplittableRandom random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
            if (random.nextInt(20_000) == 0) {
                x[i] = new float[] {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}
                        [random.nextInt(5)];
            }
        }
        return x;
    }
}
