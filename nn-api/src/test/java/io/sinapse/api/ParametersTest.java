package io.sinapse.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParametersTest {

    @Test
    void formatsValuesAsPeopleWriteThem() {
        assertEquals("5", Parameters.format(5));
        assertEquals("0.001", Parameters.format(0.001));
        assertEquals("0.0001", Parameters.format(1e-4));
        assertEquals("1.0E-8", Parameters.format(1e-8));
        assertEquals("-0.5", Parameters.format(-0.5));
        assertEquals(1e-8, Double.parseDouble(Parameters.format(1e-8)), "formatted values parse back exactly");
    }

    @Test
    void keepsDeclarationOrderAndReplacesInPlace() {
        Parameters p = Parameters.of("lr", 0.001).and("beta1", 0.9).and("lr", 0.01);
        assertEquals("lr=0.01, beta1=0.9", p.toString());
        assertEquals(0.01, p.get("lr"));
        assertEquals(7.0, p.get("missing", 7.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.get("beta2"));
        assertTrue(e.getMessage().contains("beta2") && e.getMessage().contains("lr=0.01"), e.getMessage());
    }

    @Test
    void mergesChangesIntoDefaultsAndRefusesUnknownNames() {
        Parameters defaults = Parameters.of("lr", 0.001).and("beta1", 0.9);
        assertEquals("lr=0.01, beta1=0.9", defaults.with(Parameters.of("lr", 0.01), "adam").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.with(Parameters.of("beta", 0.5), "adam"));
        assertEquals("unknown parameter 'beta' for adam; it takes lr=0.001, beta1=0.9", e.getMessage());
    }

    @Test
    void rangeChecksSayTheRangeAndTheValue() {
        Parameters p = Parameters.of("lr", -1).and("decay", 1).and("lambda", 0).and("rate", 0.5);
        assertEquals("lr must be > 0, got -1", assertThrows(IllegalArgumentException.class, () -> p.positive("lr")).getMessage());
        assertEquals("decay must be in [0, 1), got 1",
                assertThrows(IllegalArgumentException.class, () -> p.fraction("decay")).getMessage());
        assertEquals("lr must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> p.nonNegative("lr")).getMessage());
        assertEquals(0.0, p.nonNegative("lambda"));
        assertEquals(0.5, p.fraction("rate"));
        assertEquals(0.5, p.positive("rate"));
    }
}
