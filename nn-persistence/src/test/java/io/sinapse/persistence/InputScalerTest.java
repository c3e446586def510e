package io.sinapse.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputScalerTest {

    @Test
    void subtractsTheOffsetThenDividesByTheScalePerColumn() {
        InputScaler minMax = new InputScaler("min_max", new float[]{10f, -1f}, new float[]{20f, 2f});
        float[] scaled = minMax.apply(new float[]{10f, -1f, 30f, 1f, 20f, 0f}, 3);
        assertArrayEquals(new float[]{0f, 0f, 1f, 1f, 0.5f, 0.5f}, scaled, "min–max onto [0, 1]");
    }

    @Test
    void keepsItsOwnCopies() {
        float[] offset = {1f};
        InputScaler scaler = new InputScaler("standard", offset, new float[]{2f});
        offset[0] = 99f;
        scaler.offset()[0] = 99f;
        assertEquals(1f, scaler.offset()[0], "neither the caller's array nor a returned copy can change it");
    }

    @Test
    void refusesAZeroScaleAndMismatchedColumns() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new InputScaler("standard", new float[]{0f, 0f}, new float[]{1f, 0f}));
        assertTrue(zero.getMessage().contains("Column 1"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new InputScaler("standard", new float[]{0f, 0f}, new float[]{1f}), "2 offsets, 1 scale");
        assertThrows(IllegalArgumentException.class,
                () -> new InputScaler(" ", new float[]{0f}, new float[]{1f}), "blank method");
    }
}
