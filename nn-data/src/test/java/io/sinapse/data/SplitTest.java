package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.core.Dataset;

import java.util.Arrays;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

class SplitTest {

    /** {@code rows} rows whose single feature is the row number; rows below {@code firstOfClass1} are class 0. */
    private static Dataset numbered(int rows, int firstOfClass1) {
        float[] x = new float[rows];
        float[] y = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            x[r] = r;
            y[r * 2 + (r < firstOfClass1 ? 0 : 1)] = 1;
        }
        return new Dataset(x, 1, y, 2);
    }

    /** Checks every row kept its own target, and returns the row numbers. */
    private static int[] ids(Dataset part, int firstOfClass1) {
        int[] ids = new int[part.rows()];
        for (int r = 0; r < part.rows(); r++) {
            ids[r] = (int) part.features()[r];
            int expectedClass = ids[r] < firstOfClass1 ? 0 : 1;
            assertEquals(1f, part.targets()[r * 2 + expectedClass], "row " + ids[r] + " kept its target");
        }
        return ids;
    }

    private static int countClass1(Dataset part) {
        int count = 0;
        for (int r = 0; r < part.rows(); r++) {
            count += part.targets()[r * 2 + 1] == 1f ? 1 : 0;
        }
        return count;
    }

    private static void assertPartition(Split split, int rows, int firstOfClass1) {
        BitSet seen = new BitSet();
        for (Dataset part : new Dataset[] {split.train(), split.validation(), split.test()}) {
            for (int id : ids(part, firstOfClass1)) {
                assertFalse(seen.get(id), "row " + id + " is in two parts");
                seen.set(id);
            }
        }
        assertEquals(rows, seen.cardinality(), "every row is in a part");
    }

    @Test
    void aSplitHasTheRoundedSizesAndHoldsEveryRowOnce() {
        Dataset data = numbered(100, 70);

        Split split = Split.of(data, 0.6, 0.2, 1);

        assertEquals(60, split.train().rows());
        assertEquals(20, split.validation().rows());
        assertEquals(20, split.test().rows());
        assertPartition(split, 100, 70);
    }

    @Test
    void sizesRoundToTheNearestRowAndTheTestPartGetsTheRest() {
        // 10 · 0.75 = 7.5 → 8, 10 · 0.15 = 1.5 → 2, leaving 0 for test.
        Split split = Split.of(numbered(10, 5), 0.75, 0.15, 1);

        assertEquals(8, split.train().rows());
        assertEquals(2, split.validation().rows());
        assertEquals(0, split.test().rows());
        Split noValidation = Split.of(numbered(10, 5), 0.8, 0, 1);
        assertEquals(0, noValidation.validation().rows());
        assertEquals(2, noValidation.test().rows());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Dataset data = numbered(100, 70);

        assertArrayEquals(Split.of(data, 0.6, 0.2, 7).train().features(), Split.of(data, 0.6, 0.2, 7).train().features());
        assertFalse(Arrays.equals(Split.of(data, 0.6, 0.2, 7).train().features(),
                Split.of(data, 0.6, 0.2, 8).train().features()));
    }

    @Test
    void aStratifiedSplitKeepsTheClassProportionsInEveryPart() {
        Dataset data = numbered(100, 70);

        Split split = Split.stratified(data, 0.6, 0.2, 3);

        // Class 0 (70 rows): 42 / 14 / 14. Class 1 (30 rows): 18 / 6 / 6.
        assertEquals(60, split.train().rows());
        assertEquals(18, countClass1(split.train()));
        assertEquals(20, split.validation().rows());
        assertEquals(6, countClass1(split.validation()));
        assertEquals(20, split.test().rows());
        assertEquals(6, countClass1(split.test()));
        assertPartition(split, 100, 70);
    }

    @Test
    void aStratifiedPartIsNotSortedByClass() {
        Dataset train = Split.stratified(numbered(100, 50), 0.6, 0.2, 3).train();
        int changes = 0;
        for (int r = 1; r < train.rows(); r++) {
            changes += train.targets()[r * 2] != train.targets()[(r - 1) * 2] ? 1 : 0;
        }
        assertTrue(changes > 10, "class changes between neighbouring rows: " + changes);
    }

    @Test
    void aSingleZeroOneColumnCanBeStratifiedToo() {
        float[] x = new float[20];
        float[] y = new float[20];
        for (int r = 0; r < 20; r++) {
            x[r] = r;
            y[r] = r < 15 ? 0 : 1;
        }
        Split split = Split.stratified(new Dataset(x, 1, y, 1), 0.8, 0, 2);

        // 15 zeros → 12 train, 3 test; 5 ones → 4 train, 1 test.
        float ones = 0;
        for (float v : split.train().targets()) {
            ones += v;
        }
        assertEquals(16, split.train().rows());
        assertEquals(4, ones);
        assertEquals(4, split.test().rows());
    }

    @Test
    void regressionTargetsCannotBeStratified() {
        Dataset regression = new Dataset(new float[] {1, 2}, 1, new float[] {0.3f, 0.7f}, 1);

        String message = assertThrows(IllegalArgumentException.class,
                () -> Split.stratified(regression, 0.5, 0, 1)).getMessage();

        assertTrue(message.contains("row 0 has target 0.3"), message);
    }

    @Test
    void fractionsMustFitIntoTheWhole() {
        Dataset data = numbered(10, 5);

        assertThrows(IllegalArgumentException.class, () -> Split.of(data, 0.8, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.of(data, -0.1, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.stratified(data, Double.NaN, 0.3, 1));
    }

    @Test
    void shuffledIsASeededPermutationOfTheRows() {
        Dataset data = numbered(50, 25);

        Dataset shuffled = Split.shuffled(data, 11);

        int[] ids = ids(shuffled, 25);
        assertFalse(Arrays.equals(data.features(), shuffled.features()));
        Arrays.sort(ids);
        for (int r = 0; r < 50; r++) {
            assertEquals(r, ids[r]);
        }
        assertArrayEquals(shuffled.features(), Split.shuffled(data, 11).features());
    }
}
