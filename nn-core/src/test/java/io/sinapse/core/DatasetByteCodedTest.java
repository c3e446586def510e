package io.sinapse.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class DatasetByteCodedTest {

    private static final int ROWS = 300;
    private static final int FEATURES = 13;
    private static final int TARGETS = 3;

    /** A table where every entry differs, with negatives, fractions and a large value. */
    private static float[] table() {
        float[] decode = new float[256];
        for (int b = 0; b < 256; b++) {
            decode[b] = (b - 100) / 7f;
        }
        decode[255] = 1e30f;
        return decode;
    }

    private static byte[] randomCodes(int length, long seed) {
        byte[] codes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            codes[i] = (byte) random.nextInt(256); // every code, including the "negative" bytes 128–255
        }
        return codes;
    }

    private static float[] targets(int rows) {
        float[] y = new float[rows * TARGETS];
        for (int i = 0; i < y.length; i++) {
            y[i] = i * 0.5f;
        }
        return y;
    }

    private static float[] decodeAll(byte[] codes, float[] decode) {
        float[] values = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = decode[codes[i] & 0xFF];
        }
        return values;
    }

    private static int[] randomOrder(int length, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = random.nextInt(rows);
        }
        return order;
    }

    private final float[] decode = table();
    private final byte[] codes = randomCodes(ROWS * FEATURES, 1);
    private final float[] y = targets(ROWS);
    private final Dataset coded = Dataset.ofBytes(codes, decode, FEATURES, y, TARGETS);
    private final Dataset plain = new Dataset(decodeAll(codes, decode), FEATURES, y, TARGETS);

    @Test
    void gatherDecodesTheCodesOfRandomRowsExactlyAsTheFloatDataHoldsThem() {
        for (long seed = 0; seed < 20; seed++) {
            int[] order = randomOrder(ROWS, ROWS, seed);
            int from = (int) (seed * 7 % 50);
            int count = 1 + (int) (seed * 13 % 64);
            float[] x = new float[count * FEATURES + 5];
            float[] t = new float[count * TARGETS + 5];
            float[] xPlain = x.clone();
            float[] tPlain = t.clone();
            Arrays.fill(x, Float.NaN);
            Arrays.fill(xPlain, Float.NaN);

            coded.gather(order, from, count, x, t);
            plain.gather(order, from, count, xPlain, tPlain);

            for (int i = 0; i < count; i++) {
                for (int j = 0; j < FEATURES; j++) {
                    int row = order[from + i];
                    assertEquals(decode[codes[row * FEATURES + j] & 0xFF], x[i * FEATURES + j]);
                }
            }
            assertArrayEquals(xPlain, x, "same values, same untouched tail");
            assertArrayEquals(tPlain, t);
        }
    }

    @Test
    void featuresIsTheGatherOfAllRowsInOrderMadeOnceAndKept() {
        int[] identity = new int[ROWS];
        Arrays.setAll(identity, i -> i);
        float[] x = new float[ROWS * FEATURES];
        coded.gather(identity, 0, ROWS, x, new float[ROWS * TARGETS]);

        float[] features = coded.features();

        assertTrue(coded.byteCoded());
        assertArrayEquals(x, features);
        assertSame(features, coded.features(), "decoded once, then kept");
        assertSame(y, coded.targets());
        assertEquals(ROWS, coded.rows());
        assertEquals(FEATURES, coded.featureCount());
        assertEquals(TARGETS, coded.targetCount());
    }

    @Test
    void writingIntoTheDecodedFeaturesChangesNoCode() {
        float[] features = coded.features();
        features[0] = 12345f;

        float[] x = new float[FEATURES];
        coded.gather(new int[] {0}, 0, 1, x, new float[TARGETS]);

        assertEquals(decode[codes[0] & 0xFF], x[0]);
        assertEquals(decode[codes[0] & 0xFF], coded.slice(0, 1).features()[0]);
    }

    @Test
    void theDecodeTableIsCopiedSoChangingItAfterwardsChangesNothing() {
        float[] table = table();
        Dataset data = Dataset.ofBytes(new byte[] {5, 6}, table, 1, new float[] {0, 1}, 1);
        float before = table[5];
        table[5] = -1f;

        assertEquals(before, data.features()[0]);
    }

    @Test
    void concurrentFirstCallsAllGetTheSameDecodedArray() throws Exception {
        Dataset data = Dataset.ofBytes(randomCodes(200_000, 3), decode, 100, new float[2_000], 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return data.features();
                }));
            }
            start.countDown();
            Set<float[]> seen = ConcurrentHashMap.newKeySet();
            for (Future<float[]> call : calls) {
                seen.add(call.get());
            }
            assertEquals(1, seen.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void selectAndSliceStayByteCodedAndHoldTheSameValues() {
        int[] rows = {299, 0, 5, 5, 150};
        Dataset selected = coded.select(rows);
        Dataset selectedPlain = plain.select(rows);
        Dataset sliced = coded.slice(40, 97);
        Dataset slicedPlain = plain.slice(40, 97);

        assertTrue(selected.byteCoded());
        assertTrue(sliced.byteCoded());
        assertFalse(plain.select(rows).byteCoded());
        assertFalse(plain.slice(1, 2).byteCoded());
        assertEquals(rows.length, selected.rows());
        assertEquals(57, sliced.rows());
        assertArrayEquals(selectedPlain.features(), selected.features());
        assertArrayEquals(selectedPlain.targets(), selected.targets());
        assertArrayEquals(slicedPlain.features(), sliced.features());
        assertArrayEquals(slicedPlain.targets(), sliced.targets());
        assertNotSame(coded.targets(), sliced.targets(), "copied");
        // Their own gather decodes too.
        float[] x = new float[2 * FEATURES];
        selected.gather(new int[] {1, 0}, 0, 2, x, new float[2 * TARGETS]);
        assertArrayEquals(Arrays.copyOfRange(plain.features(), 0, FEATURES), Arrays.copyOfRange(x, 0, FEATURES));
        assertArrayEquals(Arrays.copyOfRange(plain.features(), 299 * FEATURES, 300 * FEATURES),
                Arrays.copyOfRange(x, FEATURES, 2 * FEATURES));
    }

    @Test
    void trainingOnByteCodedDataGivesExactlyTheNumbersOfTheSameFloats() {
        byte[] small = randomCodes(64 * 4, 9);
        float[] unit = new float[256];
        for (int b = 0; b < 256; b++) {
            unit[b] = b / 255f;
        }
        float[] labels = new float[64 * 2];
        for (int r = 0; r < 64; r++) {
            labels[r * 2 + ((small[r * 4] & 0xFF) > 127 ? 1 : 0)] = 1;
        }
        Dataset bytes = Dataset.ofBytes(small, unit, 4, labels, 2);
        Dataset floats = new Dataset(decodeAll(small, unit), 4, labels, 2);

        History a = train(bytes);
        History b = train(floats);

        assertEquals(b.last().loss(), a.last().loss());
        assertEquals(b.last().accuracy(), a.last().accuracy());
        assertEquals(b.last().validationLoss(), a.last().validationLoss());
    }

    private static History train(Dataset data) {
        Network network = Network.builder(4).dense(8, "tanh").dense(2, "softmax").seed(5).build();
        return Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").epochs(5).batchSize(16)
                .validationSplit(0.25).seed(3).build().fit(network, data);
    }

    @Test
    void floatDataIsNotByteCodedAndItsFeaturesAreTheBackingArray() {
        float[] x = {1, 2, 3, 4};
        Dataset data = new Dataset(x, 2, new float[] {0, 1}, 1);

        assertFalse(data.byteCoded());
        assertSame(x, data.features());
    }

    @Test
    void aDecodeTableMustHave256Entries() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes(new byte[4], new float[255], 2, new float[2], 1)).getMessage();

        assertTrue(message.contains("exactly 256 entries, got 255"), message);
    }

    @Test
    void aDecodeTableMustHoldFiniteValues() {
        float[] table = table();
        table[200] = Float.NaN;

        String message = assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes(new byte[4], table, 2, new float[2], 1)).getMessage();

        assertTrue(message.contains("entry 200 is NaN"), message);
    }

    @Test
    void codesAndTargetsMustHoldTheSameWholeNumberOfRows() {
        String mismatched = assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes(new byte[6], table(), 2, new float[4], 1)).getMessage();
        String partial = assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes(new byte[7], table(), 2, new float[3], 1)).getMessage();
        String noColumns = assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes(new byte[6], table(), 0, new float[3], 1)).getMessage();

        assertEquals("Feature codes (6 bytes in rows of 2) and targets (4 values in rows of 1) must hold the same"
                + " whole number of rows", mismatched);
        assertTrue(partial.contains("7 bytes in rows of 2"), partial);
        assertTrue(noColumns.contains("at least one feature column"), noColumns);
    }

    @Test
    void theFloatConstructorKeepsItsMessage() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(new float[6], 2, new float[4], 1)).getMessage();

        assertEquals("Features (6 values in rows of 2) and targets (4 values in rows of 1) must hold the same whole"
                + " number of rows", message);
    }
}
