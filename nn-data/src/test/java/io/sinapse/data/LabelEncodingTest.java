package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.core.Dataset;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabelEncodingTest {

    private final LabelEncoding animals = LabelEncoding.of("cat", "dog", "owl");

    @Test
    void classesAreNumberedInTheGivenOrder() {
        assertEquals(3, animals.size());
        assertEquals(1, animals.indexOf("dog"));
        assertEquals("owl", animals.name(2));
        assertEquals(List.of("cat", "dog", "owl"), animals.names());
        assertEquals(LabelEncoding.of(List.of("cat", "dog", "owl")), animals);
        assertNotEquals(LabelEncoding.of("dog", "cat", "owl"), animals);
    }

    @Test
    void theLargestOutputNamesTheClassAndTiesGoToTheFirst() {
        float[] outputs = {
            0.2f, 0.5f, 0.3f,
            0.4f, 0.4f, 0.2f,
            -1f, -3f, 0f,
        };

        assertEquals("dog", animals.labelOf(outputs, 0, 3));
        assertEquals("cat", animals.labelOf(outputs, 1, 3));
        assertEquals("owl", animals.labelOf(outputs, 2, 3));
    }

    @Test
    void aSingleOutputForTwoClassesIsClassOneAboveOneHalf() {
        LabelEncoding yesNo = LabelEncoding.of("no", "yes");
        float[] outputs = {0.49f, 0.5f, 0.51f, 0.93f};

        assertEquals("no", yesNo.labelOf(outputs, 0, 1));
        assertEquals("no", yesNo.labelOf(outputs, 1, 1));
        assertEquals("yes", yesNo.labelOf(outputs, 2, 1));
        assertEquals("yes", yesNo.labelOf(outputs, 3, 1));
    }

    @Test
    void mistakesAreRefusedWithTheKnownClasses() {
        String unknown = assertThrows(DataException.class, () -> animals.indexOf("fox")).getMessage();
        assertTrue(unknown.contains("'fox'") && unknown.contains("cat, dog, owl"), unknown);
        assertThrows(IllegalArgumentException.class, () -> LabelEncoding.of("a", "b", "a"));
        assertThrows(IllegalArgumentException.class, () -> LabelEncoding.of());
        assertThrows(IllegalArgumentException.class, () -> animals.classOf(new float[4], 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> animals.name(3));
    }

    @Test
    void aLabeledDatasetChecksItsNamesAgainstItsColumns() {
        Dataset data = new Dataset(new float[] {1, 2}, 2, new float[] {0, 1, 0}, 3);

        assertThrows(IllegalArgumentException.class, () -> new LabeledDataset("d", data, List.of("a"),
                animals.names(), Task.CLASSIFICATION, animals));
        assertThrows(IllegalArgumentException.class, () -> new LabeledDataset("d", data, List.of("a", "b"),
                List.of("x", "y"), Task.CLASSIFICATION, LabelEncoding.of("x", "y")));
        assertThrows(IllegalArgumentException.class, () -> new LabeledDataset("d", data, List.of("a", "b"),
                animals.names(), Task.REGRESSION, animals));
        LabeledDataset ok = new LabeledDataset("d", data, List.of("a", "b"), animals.names(), Task.CLASSIFICATION,
                animals);
        assertEquals("d (classification, 1 rows, 2 features, 3 targets, classes [cat, dog, owl])", ok.toString());
        assertThrows(IllegalStateException.class, () -> CourseTables.customerPays().classOf(0));
    }
}
