package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.core.Dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MiniBatchesTest {

    /** Row r has feature r and target 10·r, so a batch row shows which example it is and that x and y match. */
    private static Dataset numbered(int rows) {
        float[] x = new float[rows];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = r;
            y[r] = 10 * r;
        }
        return new Dataset(x, 1, y, 1);
    }

    /** The row numbers of one epoch, batch by batch. */
    private static List<int[]> epoch(MiniBatches batches) {
        List<int[]> epoch = new ArrayList<>();
        while (batches.next()) {
            int[] rows = new int[batches.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (int) batches.features()[i];
                assertEquals(10f * rows[i], batches.targets()[i], "targets follow their features");
            }
            epoch.add(rows);
        }
        return epoch;
    }

    private static int[] flatten(List<int[]> epoch) {
        return epoch.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void inOrderBatchesWalkTheRowsWithASmallerLastBatch() {
        MiniBatches batches = MiniBatches.inOrder(numbered(10), 4);

        List<int[]> first = epoch(batches);

        assertEquals(3, first.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, first.get(0));
        assertArrayEquals(new int[] {4, 5, 6, 7}, first.get(1));
        assertArrayEquals(new int[] {8, 9}, first.get(2));
        assertEquals(3, batches.batchesPerEpoch());
        assertArrayEquals(flatten(first), flatten(epoch(batches)), "the same order every epoch");
    }

    @Test
    void shuffledBatchesVisitEveryRowOncePerEpochInANewOrder() {
        MiniBatches batches = MiniBatches.shuffled(numbered(100), 32, 5);

        int[] first = flatten(epoch(batches));
        int[] second = flatten(epoch(batches));

        assertFalse(Arrays.equals(first, second), "reshuffled between epochs");
        for (int[] order : new int[][] {first, second}) {
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int r = 0; r < 100; r++) {
                assertEquals(r, sorted[r]);
            }
        }
        int[] rowsInOrder = new int[100];
        Arrays.setAll(rowsInOrder, r -> r);
        assertFalse(Arrays.equals(rowsInOrder, first), "the first epoch is shuffled too");
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        MiniBatches a = MiniBatches.shuffled(numbered(50), 8, 9);
        MiniBatches b = MiniBatches.shuffled(numbered(50), 8, 9);

        for (int epoch = 0; epoch < 3; epoch++) {
            assertArrayEquals(flatten(epoch(a)), flatten(epoch(b)), "epoch " + epoch);
        }
    }

    @Test
    void theBatchArraysAreReusedForEveryBatchAndEpoch() {
        MiniBatches batches = MiniBatches.shuffled(numbered(10), 3, 1);
        float[] features = batches.features();
        float[] targets = batches.targets();

        for (int epoch = 0; epoch < 2; epoch++) {
            while (batches.next()) {
                assertSame(features, batches.features());
                assertSame(targets, batches.targets());
            }
            assertEquals(0, batches.size(), "no batch between epochs");
        }
        assertEquals(3, features.length, "room for one batch, not the dataset");
    }

    @Test
    void steadyStateBatchingAllocatesNothing() throws ReflectiveOperationException {
        Dataset data = new Dataset(new float[1000 * 20], 20, new float[1000 * 3], 3);
        MiniBatches batches = MiniBatches.shuffled(data, 32, 1);
        AllocationMeter meter = AllocationMeter.create();
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            while (batches.next()) {
                batches.size();
            }
        }
        long before = meter.allocatedBytes();
        int batchCount = 0;
        for (int epoch = 0; epoch < 500; epoch++) {
            while (batches.next()) {
                batchCount++;
            }
        }
        long allocated = meter.allocatedBytes() - before;

        assertEquals(500 * 32, batchCount);
        // Even 16 bytes per batch would be 256 KB here; the allowance covers only the meter's own call.
        assertTrue(allocated < 4096, allocated + " bytes allocated over " + batchCount + " batches");
    }

    @Test
    void aBatchSizeAboveTheRowCountGivesOneBatchOfAllRows() {
        MiniBatches batches = MiniBatches.inOrder(numbered(3), 100);

        assertTrue(batches.next());
        assertEquals(3, batches.size());
        assertEquals(3, batches.features().length);
        assertFalse(batches.next());
        assertThrows(IllegalArgumentException.class, () -> MiniBatches.inOrder(numbered(3), 0));
    }
}
