package io.sinapse.playground;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void anEmptyObjectGivesTheDefaultsXorOnTwoFourOneTanh() {
        Settings settings = Settings.parse(Map.of());
        assertEquals(Settings.DEFAULTS, settings);
        assertEquals("xor", settings.dataset());
        assertEquals(List.of(4), settings.layers());
        assertEquals("tanh", settings.activation());
    }

    @Test
    void theBoundsAreInclusiveWhereTheySayAndTheDefaultsRoundTrip() throws Json.SyntaxException {
        Settings edge = Settings.parse(Json.parse("{\"layers\": [64, 64, 64, 1], \"epochs\": 5000, \"batchSize\": 1024,"
                + " \"learningRate\": 10, \"dropout\": 0.9, \"validationSplit\": 0.5, \"earlyStopping\": true}"));
        assertEquals(List.of(64, 64, 64, 1), edge.layers());
        assertEquals(5000, edge.epochs());
        assertEquals(10, edge.learningRate());
        assertEquals(Settings.DEFAULTS, Settings.parse(Json.parse(Json.write(Settings.DEFAULTS.toJson()))));
        assertEquals(List.of(), Settings.parse(Json.parse("{\"layers\": []}")).layers(), "no hidden layer");
        assertTrue(Double.isNaN(Settings.parse(Json.parse("{\"noise\": null}")).noise()), "null: the default noise");
    }

    @Test
    void justOutsideEachBoundIsRefused() {
        for (String body : new String[]{"{\"layers\": [64, 64, 64, 64, 64]}", "{\"layers\": [65]}",
                "{\"epochs\": 5001}", "{\"batchSize\": 1025}", "{\"batchSize\": 0}", "{\"learningRate\": 0}",
                "{\"learningRate\": 10.000001}", "{\"dropout\": 0.91}", "{\"validationSplit\": 0.51}"}) {
            HttpError e = assertThrows(HttpError.class, () -> Settings.parse(Json.parse(body)), body);
            assertEquals(400, e.status(), body);
        }
        HttpError notAnObject = assertThrows(HttpError.class, () -> Settings.parse(List.of()));
        assertTrue(notAnObject.getMessage().contains("must be a JSON object"), notAnObject.getMessage());
    }
}
