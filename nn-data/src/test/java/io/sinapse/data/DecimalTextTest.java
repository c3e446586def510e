package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "+2", "1.5", ".5", "5.", "-0.25e-3", "1E10", "007"})
    void plainDecimalsAreNumbers(String text) {
        assertTrue(DecimalText.isDecimal(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "e5", "1e", "1e+", "NaN", "Infinity", "0x10", "2f", "1d", "1,5", "1 000",
        "--1", "1.2.3"})
    void otherTextIsNot(String text) {
        assertFalse(DecimalText.isDecimal(text), text);
    }
}
