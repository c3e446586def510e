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
}
