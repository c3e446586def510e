package io.sinapse.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The meter behind {@code updateAllocatesNothing} must see an allocation, or that test proves nothing. */
class AllocationMeterTest {

    static float[] sink;

    @Test
    void seesAnArrayBeingAllocated() throws Exception {
        long bytes = AllocationMeter.forCurrentThread().bytesAllocatedBy(() -> sink = new float[1000]);
        assertTrue(bytes >= 4000, "a float[1000] is at least 4000 bytes, the meter saw " + bytes);
    }
}
