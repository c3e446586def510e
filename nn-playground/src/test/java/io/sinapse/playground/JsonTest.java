package io.sinapse.playground;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void readsTheValuesThePagePosts() throws Json.SyntaxException {
        Object value = Json.parse(" {\"dataset\": \"xor\", \"layers\": [4, 8], \"learningRate\": 0.05,"
                + " \"earlyStopping\": false, \"noise\": null, \"text\": \"a\\\"b\\\\c\\n\\u00e9\"} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("dataset", "xor");
        expected.put("layers", List.of(4.0, 8.0));
        expected.put("learningRate", 0.05);
        expected.put("earlyStopping", false);
        expected.put("noise", null);
        expected.put("text", "a\"b\\c\né");
        assertEquals(expected, value);
        assertEquals(List.of(-1.5e-3, 0.0, 12.0), Json.parse("[-1.5e-3, 0, 12]"));
    }

    @Test
    void refusesWhatIsNotJsonAndSaysWhere() {
        for (String text : new String[]{"", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "01", "1.", "-", "+1", "NaN",
                "'a'", "{\"a\": \"\\x\"}", "\"unterminated", "tru", "{} x", "\"tab\there\"", "1e400",
                "{\"a\": 1, \"a\": 2}"}) {
            Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse(text), text);
            assertTrue(e.getMessage().length() > 10, e.getMessage());
        }
        assertEquals("Expected ':' at offset 5, found '1'", assertThrows(Json.SyntaxException.class,
                () -> Json.parse("{\"a\" 1}")).getMessage());
    }

    @Test
    void nestingIsBoundedSoTheParserCannotBeMadeToOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than 16"), e.getMessage());
    }

    @Test
    void writesNumbersCompactlyAndNonFiniteOnesAsNull() {
        assertEquals("[1,0.25,1.0E-5,null,null,-3]", Json.write(List.of(1.0, 0.25, 1e-5, Double.NaN,
                Double.POSITIVE_INFINITY, -3L)));
        assertEquals("[0.123,2,null]", Json.write(new float[]{0.123f, 2f, Float.NaN}));
        assertEquals("[1,2]", Json.write(new int[]{1, 2}));
        assertEquals("{\"a\":[0.5],\"b\":null,\"c\":true}", Json.write(Json.object("a", new double[]{0.5}, "b", null,
                "c", true)));
    }

    @Test
    void escapesStringsSoTheyStayTextEvenInsideHtml() throws Json.SyntaxException {
        String nasty = "\"</script><b>&\u2028\u0001\\";
        String written = Json.write(nasty);
        assertEquals("\"\\\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u0001\\\\\"", written);
        assertEquals(nasty, Json.parse(written), "what is written reads back the same");
    }

    @Test
    void roundTripsTheFramesNumbers() throws Json.SyntaxException {
        float[] values = {0.001f, -0.999f, 123.456f, 1e-7f};
        @SuppressWarnings("unchecked")
        List<Double> back = (List<Double>) Json.parse(Json.write(values));
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], back.get(i).floatValue(), Arrays.toString(values));
        }
    }
}
