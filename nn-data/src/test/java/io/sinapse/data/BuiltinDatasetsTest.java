package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BuiltinDatasetsTest {

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected the message to mention \"" + part + "\": " + message);
        }
    }

    @Test
    void everyNameIsListedAndLoads() {
        assertEquals(List.of("and", "circles", "concert", "customer_pays", "moons", "noisy_sine", "or", "spirals",
                "xor"), List.copyOf(BuiltinDatasets.names()));
        for (String name : BuiltinDatasets.names()) {
            assertEquals(name, BuiltinDatasets.get(name).name());
        }
    }

    @Test
    void aNameGivesTheSameTableAsTheFactory() {
        assertArrayEquals(CourseTables.xor().dataset().targets(), BuiltinDatasets.get("xor").dataset().targets());
        assertArrayEquals(CourseTables.concert().dataset().targets(),
                BuiltinDatasets.get(" Concert ").dataset().targets());
    }

    @Test
    void parametersOverrideTheDefaults() {
        LabeledDataset moons = BuiltinDatasets.get("moons(samples=50, noise=0.2, seed=7)");

        assertEquals(50, moons.rows());
        assertArrayEquals(SyntheticDatasets.twoMoons(50, 0.2, 7).dataset().features(), moons.dataset().features());
        assertEquals(1000, BuiltinDatasets.get("moons").rows());
        assertEquals(4, BuiltinDatasets.get("spirals(samples=40, classes=4)").dataset().targetCount());
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        String message = assertThrows(DataException.class, () -> BuiltinDatasets.get("mnist")).getMessage();

        assertMentions(message, "Unknown dataset 'mnist'", "and, circles, concert, customer_pays, moons, noisy_sine,"
                + " or, spirals, xor");
    }

    @Test
    void anUnknownParameterListsTheAcceptedOnesWithDefaults() {
        String message = assertThrows(DataException.class, () -> BuiltinDatasets.get("moons(size=5)")).getMessage();

        assertMentions(message, "Unknown parameter 'size'", "samples=1000, noise=0.1, seed=42");
        assertMentions(assertThrows(DataException.class, () -> BuiltinDatasets.get("xor(noise=1)")).getMessage(),
                "takes no parameters");
    }

    @Test
    void badParameterValuesAreExplained() {
        assertMentions(assertThrows(DataException.class, () -> BuiltinDatasets.get("moons(samples=2.5)"))
                .getMessage(), "'samples' must be a whole number, got 2.5");
        assertMentions(assertThrows(DataException.class, () -> BuiltinDatasets.get("moons(noise=high)"))
                .getMessage(), "must be a number, got 'high'");
        assertMentions(assertThrows(DataException.class, () -> BuiltinDatasets.get("moons(noise=-1)"))
                .getMessage(), "Noise is a standard deviation");
        assertMentions(assertThrows(DataException.class, () -> BuiltinDatasets.get("moons(")).getMessage(),
                "Cannot read dataset spec");
    }

    @Test
    void descriptionsShowTheDefaults() {
        assertEquals("two interleaving half circles (samples=1000, noise=0.1, seed=42)",
                BuiltinDatasets.descriptions().get("moons"));
    }
}
