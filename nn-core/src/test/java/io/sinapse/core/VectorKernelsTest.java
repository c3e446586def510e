package io.sinapse.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Vector API kernels against the scalar reference of {@link Matrices} (within float rounding) and against the
 * fused-multiply-add order they promise (bit for bit), on shapes that hit every edge: 1×1, primes, sizes that are
 * not a multiple of the 16-float vector, the 8×32 tile or the 512-deep K block, and the MLP's own shapes.
 */
class VectorKernelsTest {

    private static float[] random(int n, SplittableRandom random) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static void assertAgree(float[] reference, float[] fma, float[] fast, int size, int inner, String what) {
        for (int i = 0; i < size; i++) {
            assertEquals(Float.floatToRawIntBits(fma[i]), Float.floatToRawIntBits(fast[i]),
                    () -> what + ": not bit-identical to the fma order");
            assertEquals(reference[i], fast[i], 1e-5 * Math.max(1, inner), what + ": far from Matrices");
        }
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @CsvSource({"1,1,1", "1,784,256", "1,128,10", "1,256,128", "2,784,150", "3,100,200", "1,5,300", "300,37,70", "300,600,300",
            "2,3,4", "3,17,33", "4,5,6", "7,13,5", "8,32,32", "9,33,31", "13,1,47",
            "16,31,17", "31,600,65", "128,784,256", "128,256,128", "128,128,10", "37,1025,19", "129,1025,257",
            "300,784,10", "5,600,16", "13,7,1", "37,1100,10"})
    void multiplyAgreesWithTheReference(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * k + n);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        float[] expected = new float[m * n];
        float[] fma = new float[m * n];
        float[] actual = random(m * n, random); // garbage that must be overwritten
        Matrices.multiply(a, b, expected, m, k, n);
        VectorKernels.referenceMultiply(a, b, fma, m, k, n);
        VectorKernels.multiply(a, b, actual, m, k, n);
        assertAgree(expected, fma, actual, m * n, k, "A·B " + m + "×" + k + "×" + n);
    }

    /** b packed once for several products (the parts of one predict call) reads as b packed by each product. */
    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @CsvSource({"1,784,256", "3,40,70", "128,784,256", "129,784,256", "256,784,256", "300,37,70", "200,513,33",
            "129,1025,257", "256,256,128", "140,128,10"})
    void bPackedOnceGivesTheSameBits(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(17L * m + 5L * k + n);
        float[] a = random(m * k + 3 * k, random);
        float[] b = random(k * n, random);
        float[] fma = new float[m * n];
        float[] actual = random(m * n, random);
        float[] packed = VectorKernels.packForManyRows(b, k, n, random(7, random)); // too small: a new array
        VectorKernels.referenceMultiply(java.util.Arrays.copyOfRange(a, 3 * k, 3 * k + m * k), b, fma, m, k, n);
        VectorKernels.multiplyPacked(a, 3 * k, b, packed, actual, m, k, n);
        assertAgree(fma, fma, actual, m * n, k, "A·B " + m + "×" + k + "×" + n + " with b packed once");
        float[] again = random(m * n, random);
        VectorKernels.multiplyPacked(a, 3 * k, b, VectorKernels.packForManyRows(b, k, n, packed), again, m, k, n);
        assertAgree(fma, fma, again, m * n, k, "the same, packed into the array of the first call");
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}, half the inputs zero")
    @CsvSource({"1,784,256", "2,256,128", "3,128,10", "1,5,300", "1,37,19"})
    void fewRowsSkipZeroInputsAndStayBitIdentical(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(11L * m + k + n);
        float[] a = random(m * k, random);
        for (int i = 0; i < a.length; i++) {
            if (random.nextBoolean()) {
                a[i] = random.nextBoolean() ? 0f : -0f;
            }
        }
        float[] b = random(k * n, random);
        float[] expected = new float[m * n];
        float[] fma = new float[m * n];
        float[] actual = random(m * n, random);
        Matrices.multiply(a, b, expected, m, k, n);
        VectorKernels.referenceMultiply(a, b, fma, m, k, n);
        VectorKernels.multiply(a, b, actual, m, k, n);
        assertAgree(expected, fma, actual, m * n, k, "A·B " + m + "×" + k + "×" + n + " with zeros");
    }

    /**
     * Rows like images: zeros outside a window that differs from row to row, scattered ±0 inside it, one row all
     * zero and one holding a NaN. Many rows are taken sorted by outline, and each 8-row tile skips the steps where
     * all its rows are zero; every result must still be the reference's, in its own row.
     */
    @ParameterizedTest(name = "{0}×{1}·{1}×{2}, rows of different outlines")
    @CsvSource({"129,784,256", "256,784,256", "300,37,70", "200,513,33", "129,1025,257", "140,128,10"})
    void manyRowsSkipTheStepsWhereATileIsZeroAndStayBitIdentical(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(13L * m + 3L * k + n);
        float[] a = new float[m * k + 3 * k];
        for (int i = 0; i < m; i++) {
            int from = random.nextInt(k / 3 + 1);
            int to = k - random.nextInt(k / 3 + 1);
            for (int p = from; p < to; p++) {
                int draw = random.nextInt(10);
                a[3 * k + i * k + p] = draw < 2 ? 0f : draw < 3 ? -0f : (float) (random.nextDouble() * 2 - 1);
            }
        }
        java.util.Arrays.fill(a, 3 * k + 5 * k, 3 * k + 6 * k, 0f);
        a[3 * k + 9 * k + k / 2] = Float.NaN;
        float[] b = random(k * n, random);
        float[] fma = new float[m * n];
        VectorKernels.referenceMultiply(java.util.Arrays.copyOfRange(a, 3 * k, 3 * k + m * k), b, fma, m, k, n);
        float[] packedOnce = random(m * n, random);
        VectorKernels.multiplyPacked(a, 3 * k, b, VectorKernels.packForManyRows(b, k, n, null), packedOnce, m, k, n);
        assertAgree(fma, fma, packedOnce, m * n, k, "A·B " + m + "×" + k + "×" + n + ", b packed once");
        float[] actual = random(m * n, random);
        VectorKernels.multiply(java.util.Arrays.copyOfRange(a, 3 * k, 3 * k + m * k), b, actual, m, k, n);
        assertAgree(fma, fma, actual, m * n, k, "A·B " + m + "×" + k + "×" + n);
        assertEquals(Float.NaN, actual[9 * n], "the NaN row stays NaN");
    }

    /**
     * Square images (k = s²): each nonzero inside a rectangle of its own, some touching the first or last column,
     * with scattered ±0, one image all zero and one holding a NaN. They are taken in order of width, in tiles of 8
     * rows whose halves skip their zero steps, 64 columns at a time; the last tile partly full (5 or 7 rows), the
     * last columns fewer than 64. Every result must be the reference's, in its own row.
     */
    @ParameterizedTest(name = "{0}×{1}·{1}×{2}, square images")
    @CsvSource({"133,400,96", "135,784,256", "130,784,100", "261,1024,128"})
    void squareImagesSkipTheirZeroStepsAndStayBitIdentical(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(5L * m + k + n);
        int side = VectorKernels.imageSide(k);
        float[] a = new float[m * k];
        for (int i = 0; i < m; i++) {
            int left = i % 5 == 0 ? 0 : random.nextInt(side / 2);
            int right = i % 7 == 0 ? side : side - random.nextInt(side / 2);
            int top = random.nextInt(side / 3);
            int bottom = side - random.nextInt(side / 3);
            for (int r = top; r < bottom; r++) {
                for (int col = left; col < right; col++) {
                    int draw = random.nextInt(10);
                    a[i * k + r * side + col] = draw < 1 ? 0f : draw < 2 ? -0f : (float) random.nextDouble();
                }
            }
        }
        java.util.Arrays.fill(a, 3 * k, 4 * k, 0f);
        a[11 * k + k / 2] = Float.NaN;
        float[] b = random(k * n, random);
        float[] fma = new float[m * n];
        VectorKernels.referenceMultiply(a, b, fma, m, k, n);
        float[] actual = random(m * n, random);
        VectorKernels.multiply(a, b, actual, m, k, n);
        assertAgree(fma, fma, actual, m * n, k, "A·B " + m + "×" + k + "×" + n);
        float[] packedOnce = random(m * n, random);
        VectorKernels.multiplyPacked(a, 0, b, VectorKernels.packForManyRows(b, k, n, null), packedOnce, m, k, n);
        assertAgree(fma, fma, packedOnce, m * n, k, "A·B " + m + "×" + k + "×" + n + ", b packed once");
    }

    @org.junit.jupiter.api.Test
    void rowsAreTakenForSquareImagesOnlyFromTwentyByTwentyToThirtyTwoByThirtyTwo() {
        assertEquals(28, VectorKernels.imageSide(784));
        assertEquals(20, VectorKernels.imageSide(400));
        assertEquals(32, VectorKernels.imageSide(1024));
        assertEquals(0, VectorKernels.imageSide(256), "a hidden layer of 256 units");
        assertEquals(0, VectorKernels.imageSide(361), "19²");
        assertEquals(0, VectorKernels.imageSide(1089), "33²");
        assertEquals(0, VectorKernels.imageSide(785));
    }

    /** The width of an image's nonzero columns: ±0 counts as zero, NaN as nonzero, any row may hold them. */
    @ParameterizedTest(name = "side {0}: columns {1} … {2}")
    @CsvSource({"28,0,27", "28,5,5", "28,3,20", "20,0,19", "20,4,15", "32,0,31", "32,16,17", "32,1,30"})
    void theWidthOfAnImageSpansItsFirstToItsLastNonzeroColumn(int side, int first, int last) {
        float[] image = imageWithColumns(side, first, last);
        assertEquals(last - first, VectorKernels.nonzeroWidth(image, 3, side, new int[32]));
    }

    /**
     * An s×s image from index 3 whose nonzero columns run from {@code first} to {@code last}: a value in the last
     * row at the first, a NaN in the first row at the last, and ±0 just outside them.
     */
    static float[] imageWithColumns(int side, int first, int last) {
        float[] image = new float[3 + side * side];
        image[3 + (side - 1) * side + first] = 0.5f;
        image[3 + last] = Float.NaN;
        image[3 + side + Math.max(0, first - 1)] = -0f;
        image[3 + 2 * side + Math.min(side - 1, last + 1)] = 0f;
        return image;
    }

    /**
     * A batch like images for Aᵀ·B: each row zero outside a window, with scattered ±0 inside and one NaN. Each
     * 8-column tile skips the rows where it is all zero; every result must still be the reference's, bit for bit,
     * NaN included.
     */
    @ParameterizedTest(name = "({0}×{1})ᵀ·{0}×{2}, rows of different outlines")
    @CsvSource({"128,784,256", "128,256,128", "100,37,70", "600,40,33", "9,17,31", "128,784,10"})
    void transposedLeftSkipsTheRowsWhereATileIsZeroAndStaysBitIdentical(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(7L * m + 11L * k + n);
        float[] a = imageLike(m, k, random);
        a[(m / 2) * k + k / 2] = Float.NaN;
        float[] b = random(m * n, random);
        float[] fma = new float[k * n];
        VectorKernels.referenceMultiplyTransposedLeft(a, b, fma, m, k, n);
        float[] actual = random(k * n, random);
        VectorKernels.multiplyTransposedLeftSkipping(a, b, actual, m, k, n, 0, k, 0, n);
        assertAgree(fma, fma, actual, k * n, m, "skipping Aᵀ·B " + m + "×" + k + "×" + n);
        assertEquals(Float.NaN, actual[(k / 2) * n], "the NaN's row of the result stays NaN");
    }

    @org.junit.jupiter.api.Test
    void onlyInputsWhoseColumnsAreZeroTogetherTakeTheSkippingProduct() {
        SplittableRandom random = new SplittableRandom(3);
        assertEquals(true, VectorKernels.skipsInTransposedLeft(imageLike(128, 784, random), 128, 784, 256), "images");
        assertEquals(false, VectorKernels.skipsInTransposedLeft(random(128 * 784, random), 128, 784, 256), "dense");
        float[] relu = random(128 * 256, random);
        for (int i = 0; i < relu.length; i++) {
            relu[i] = Math.max(relu[i], 0f);
        }
        assertEquals(false, VectorKernels.skipsInTransposedLeft(relu, 128, 256, 128), "half zeros, scattered");
        assertEquals(false, VectorKernels.skipsInTransposedLeft(new float[600 * 40], 600, 40, 32),
                "more rows than a K block");
        assertEquals(false, VectorKernels.skipsInTransposedLeft(new float[16 * 7], 16, 7, 32), "no whole tile");
        float[] images = imageLike(200, 784, random);
        assertEquals(true, VectorKernels.skipsInMultiply(images, 784, 128, 784, 256), "a batch of images");
        assertEquals(false, VectorKernels.skipsInMultiply(images, 0, 3, 784, 256), "few rows skip each zero already");
        assertEquals(false, VectorKernels.skipsInMultiply(images, 0, 129, 784, 256), "many rows sort and skip anyway");
        assertEquals(false, VectorKernels.skipsInMultiply(relu, 0, 128, 256, 128), "relu outputs");
        assertEquals(false, VectorKernels.skipsInMultiply(images, 0, 128, 784, 10), "ten outputs: the narrow product");
        assertEquals(false, VectorKernels.skipsInTransposedLeft(images, 128, 784, 10), "ten outputs: the narrow product");
    }

    /** Rows zero outside a window that differs from row to row, with scattered ±0 inside it. */
    static float[] imageLike(int m, int k, SplittableRandom random) {
        float[] a = new float[m * k];
        for (int i = 0; i < m; i++) {
            int from = random.nextInt(k / 3 + 1);
            int to = k - random.nextInt(k / 3 + 1);
            for (int p = from; p < to; p++) {
                int draw = random.nextInt(10);
                a[i * k + p] = draw < 2 ? 0f : draw < 3 ? -0f : (float) (random.nextDouble() * 2 - 1);
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0} codes from {1} to {2}")
    @CsvSource({"0,0,0", "1,0,0", "15,3,1", "16,0,0", "17,1,5", "784,784,0", "1023,0,9", "1024,0,0", "1025,7,3",
            "3000,11,13"})
    void decodeAgreesWithTheReference(int n, int src, int dst) {
        SplittableRandom random = new SplittableRandom(n + 31L * src);
        byte[] codes = codes(src + n + 5, random);
        float[] table = random(256, random);
        float[] expected = decodedByTheReference(codes, src, table, dst, n);
        float[] actual = filled(dst + n + 5);
        VectorKernels.decode(codes, src, table, actual, dst, n);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "decode of " + n + " codes");
        for (int j = 0; j < n; j++) {
            assertEquals(table[codes[src + j] & 0xFF], expected[dst + j], "reference decode of code " + j);
        }
    }

    private static byte[] codes(int length, SplittableRandom random) {
        byte[] codes = new byte[length];
        for (int i = 0; i < length; i++) {
            codes[i] = (byte) random.nextInt(256);
        }
        return codes;
    }

    /** An output array whose untouched values show: 42 everywhere. */
    private static float[] filled(int length) {
        float[] x = new float[length];
        java.util.Arrays.fill(x, 42f);
        return x;
    }

    private static float[] decodedByTheReference(byte[] codes, int src, float[] table, int dst, int n) {
        float[] x = filled(dst + n + 5);
        Matrices.decode(codes, src, table, x, dst, n);
        return x;
    }

    @ParameterizedTest(name = "{0} codes from {1} to {2}, divided by {3}")
    @CsvSource({"0,0,0,255", "15,3,1,255", "16,0,0,255", "17,1,5,255", "784,784,0,255", "1025,7,3,255",
            "3000,11,13,3", "100,2,2,1"})
    void decodingByDivisionGivesTheTablesFloats(int n, int src, int dst, float divisor) {
        byte[] codes = codes(src + n + 5, new SplittableRandom(n + 17L * src));
        float[] table = new float[256];
        for (int code = 0; code < 256; code++) {
            table[code] = code / divisor;
        }
        assertEquals(divisor, Kernels.divisorOf(table), "the divisor of a table of code / " + divisor);
        float[] expected = decodedByTheReference(codes, src, table, dst, n);
        float[] actual = filled(dst + n + 5);
        VectorKernels.decodeDividing(codes, src, divisor, actual, dst, n);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "decode of " + n + " codes by division");
    }

    @Test
    void onlyATableOfExactQuotientsHasADivisor() {
        float[] scaled = new float[256];
        for (int code = 0; code < 256; code++) {
            scaled[code] = code / 255f;
        }
        assertEquals(255f, Kernels.divisorOf(scaled));
        float[] offByOneUlp = scaled.clone();
        offByOneUlp[200] = Math.nextUp(offByOneUlp[200]);
        assertEquals(0f, Kernels.divisorOf(offByOneUlp), "one entry a float away from 200/255");
        float[] standardized = new float[256];
        for (int code = 0; code < 256; code++) {
            standardized[code] = (code / 255f - 0.2860f) / 0.3530f;
        }
        assertEquals(0f, Kernels.divisorOf(standardized), "standardized pixels: not code / d");
        float[] doubled = new float[256];
        for (int code = 0; code < 256; code++) {
            doubled[code] = code * 2f;
        }
        assertEquals(0f, Kernels.divisorOf(doubled), "code · 2 would need d = 0.5, which rint does not give");
    }

    @Test
    void aZeroInputOfOneRowContributesNothingEvenThroughANaNWeight() {
        float[] a = {0f, 2f};
        float[] b = {Float.NaN, Float.POSITIVE_INFINITY, 0.5f, 0.25f}; // row 0 faces the zero input
        float[] c = new float[2];
        VectorKernels.multiply(a, b, c, 1, 2, 2);
        assertEquals(1f, c[0], "0·NaN + 2·0.5, the zero input skipped");
        assertEquals(0.5f, c[1], "0·∞ + 2·0.25, the zero input skipped");
    }

    /**
     * One row's share of columns, as a thread computes it when the product is shared: any range of columns gets the
     * reference order's bits (through the passes of 128 and 16 columns and the last few), and the columns
     * outside it are not written.
     */
    @Test
    void oneRowGivesTheReferenceBitsForAnyShareOfColumns() {
        SplittableRandom random = new SplittableRandom(29);
        int k = 53;
        int n = 300;
        float[] a = random(k, random);
        for (int p = 0; p < k; p += 3) {
            a[p] = 0f;
        }
        float[] b = random(k * n, random);
        float[] expected = new float[n];
        VectorKernels.referenceMultiply(a, b, expected, 1, k, n);
        for (int from : new int[]{0, 16, 112, 144, 250}) {
            for (int to = from + 1; to <= Math.min(n, from + 250); to++) {
                float[] c = new float[n];
                java.util.Arrays.fill(c, Float.NaN);
                VectorKernels.multiply(a, 0, b, c, 1, k, n, 0, 1, from, to);
                for (int j = 0; j < n; j++) {
                    int want = j >= from && j < to ? Float.floatToRawIntBits(expected[j])
                            : Float.floatToRawIntBits(Float.NaN);
                    assertEquals(want, Float.floatToRawIntBits(c[j]), "column " + j + " of share " + from + "…" + to);
                }
            }
        }
    }

    /**
     * One row's sums over consecutive ranges of the inputs, each range taking up the sums where the last stopped
     * ({@link OverlappedLayers} starts the next layer on the inputs it has): the reference order's bits, wherever the
     * cuts fall, through the passes of 128 and 16 columns and the last few, with zeros, −0 and a subnormal among the
     * inputs. All the columns are written, the first range's from 0 whatever c held.
     */
    @Test
    void oneRowSummedInRangesOfInputsGivesTheReferenceBits() {
        SplittableRandom random = new SplittableRandom(31);
        int k = 300;
        float[] a = random(k, random);
        for (int p = 0; p < k; p += 3) {
            a[p] = 0f;
        }
        a[7] = -0f;
        a[11] = Float.MIN_VALUE;
        for (int n : new int[]{10, 50, 128, 147}) {
            float[] b = random(k * n, random);
            float[] expected = new float[n];
            VectorKernels.referenceMultiply(a, b, expected, 1, k, n);
            for (int[] cuts : new int[][]{{0, k}, {0, 1, k}, {0, 15, k}, {0, 128, k}, {0, 131, 299, k},
                    {0, 16, 17, 200, k}}) {
                float[] c = new float[n];
                java.util.Arrays.fill(c, Float.NaN);
                for (int r = 0; r + 1 < cuts.length; r++) {
                    VectorKernels.rowTimesRows(a, b, c, n, cuts[r], cuts[r + 1], r > 0);
                }
                for (int j = 0; j < n; j++) {
                    assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(c[j]),
                            "column " + j + " of " + n + ", inputs cut at " + java.util.Arrays.toString(cuts));
                }
            }
        }
    }

    /**
     * The one-row scan for nonzero inputs must skip ±0 only: the tiniest subnormal and NaN are inputs too. Each row
     * is tried alone (9 values: the scan's scalar tail) and five times over (45: two whole vectors, then the tail).
     */
    @Test
    void oneRowSkipsSignedZerosButKeepsSubnormalsAndNaN() {
        float[][] rows = {
                {-0f, Float.MIN_VALUE, 0f, -0f, 0f, -0f, 0f, 0f, 0f},
                {0f, 0f, -0f, 0f, 0f, 0f, -0f, -1e-40f, 0f},
                {0f, -0f, Float.NaN, 0f, 0f, 2f, 0f, -0f, 0f},
                {-0f, Float.MIN_VALUE, 0f, -Float.MIN_VALUE, 3f, -0f, Float.MAX_VALUE, 1e-40f, 0f},
                {-0f, -0f, -0f, -0f, -0f, -0f, -0f, -0f, -Float.MIN_NORMAL}};
        int n = 20;
        for (float[] row : rows) {
            for (int copies : new int[]{1, 5}) {
                int k = row.length * copies;
                float[] a = new float[k];
                for (int copy = 0; copy < copies; copy++) {
                    System.arraycopy(row, 0, a, copy * row.length, row.length);
                }
                float[] b = new float[k * n];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (i % 7 - 3) * 0x1p60f; // large enough that a subnormal input still moves the sum
                }
                float[] fast = new float[n];
                float[] reference = new float[n];
                VectorKernels.multiply(a, b, fast, 1, k, n);
                VectorKernels.referenceMultiply(a, b, reference, 1, k, n);
                for (int j = 0; j < n; j++) {
                    assertEquals(Float.floatToRawIntBits(reference[j]), Float.floatToRawIntBits(fast[j]),
                            "column " + j + " of " + java.util.Arrays.toString(a));
                }
            }
        }
    }

    @ParameterizedTest(name = "({0}×{1})ᵀ·{0}×{2}")
    @CsvSource({"1,1,1", "1,784,256", "2,3,4", "3,17,33", "7,13,5", "8,32,32", "9,33,31", "13,1,47", "16,31,17",
            "600,31,65", "128,784,256", "128,256,128", "128,128,10", "1025,37,19", "128,784,10", "1025,100,16",
            "3,9,1", "1100,40,10"})
    void transposedLeftAgreesWithTheReference(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(17L * m + 5L * k + n);
        float[] a = random(m * k, random);
        float[] b = random(m * n, random);
        float[] expected = new float[k * n];
        float[] fma = new float[k * n];
        float[] actual = random(k * n, random);
        Matrices.multiplyTransposedLeft(a, b, expected, m, k, n);
        VectorKernels.referenceMultiplyTransposedLeft(a, b, fma, m, k, n);
        VectorKernels.multiplyTransposedLeft(a, b, actual, m, k, n);
        assertAgree(expected, fma, actual, k * n, m, "Aᵀ·B " + m + "×" + k + "×" + n);
    }

    @ParameterizedTest(name = "{0}×{1}·({2}×{1})ᵀ")
    @CsvSource({"1,1,1", "1,256,784", "2,3,4", "3,17,33", "7,13,5", "8,32,32", "9,33,31", "13,1,47", "16,31,17",
            "65,600,31", "31,600,65", "128,256,784", "128,128,256", "128,10,128", "19,1025,37", "37,1025,19",
            "200,300,70", "129,1025,40", "300,37,70"})
    void transposedRightAgreesWithTheReference(int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(13L * m + 3L * k + n);
        float[] a = random(m * n, random);
        float[] b = random(k * n, random);
        float[] expected = new float[m * k];
        float[] fma = new float[m * k];
        float[] actual = random(m * k, random);
        Matrices.multiplyTransposedRight(a, b, expected, m, n, k);
        VectorKernels.referenceMultiplyTransposedRight(a, b, fma, m, n, k);
        VectorKernels.multiplyTransposedRight(a, b, actual, m, n, k);
        assertAgree(expected, fma, actual, m * k, n, "A·Bᵀ " + m + "×" + n + "×" + k);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,4", "5,1", "7,17", "128,256", "3,33"})
    void elementwiseHelpersMatchTheReferenceExactly(int m, int n) {
        SplittableRandom random = new SplittableRandom(m * 1000L + n);
        float[] c = random(m * n, random);
        float[] bias = random(n, random);
        float[] expected = c.clone();
        Matrices.addRowVector(expected, bias, m, n);
        VectorKernels.addRowVector(c, bias, m, n);
        float[] sums = random(n, random);
        float[] expectedSums = new float[n];
        Matrices.sumColumns(expected, expectedSums, m, n);
        VectorKernels.sumColumns(c, sums, m, n);
        for (int i = 0; i < m * n; i++) {
            assertEquals(expected[i], c[i], 0f, "bias added at " + i);
        }
        for (int j = 0; j < n; j++) {
            assertEquals(expectedSums[j], sums[j], 0f, "column sum " + j);
        }
    }

    @Test
    void layersUseTheVectorKernelsWhereTheHardwareHasThem() {
        String chosen = System.getProperty("sinapse.kernels");
        if ("256".equals(chosen)) {
            assertEquals(Vector256Kernels.hardwareSupported() ? "vector256" : "scalar", Kernels.kind());
        } else if (!"scalar".equals(chosen)) {
            assertEquals(VectorKernels.hardwareSupported(), Kernels.vectorized(),
                    "jdk.incubator.vector should be resolved through io.sinapse.core's module-info");
            assertEquals(VectorKernels.hardwareSupported() ? "vector"
                    : Vector256Kernels.hardwareSupported() ? "vector256" : "scalar", Kernels.kind());
        }
    }
}
