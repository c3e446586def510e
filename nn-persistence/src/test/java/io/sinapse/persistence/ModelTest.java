package io.sinapse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.core.Network;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model refuses parts that contradict its network, so no such model can be saved. */
class ModelTest {

    private final Network threeOutputs = Fixtures.network("relu");

    @Test
    void needsOneClassNamePerOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Model.builder(threeOutputs, Task.CLASSIFICATION).labels(List.of("a", "b")).build());
        assertTrue(e.getMessage().contains("3 outputs"), e.getMessage());
    }

    @Test
    void acceptsTwoClassNamesForOneZeroOneOutput() {
        Network one = Network.builder(2).plugins(Fixtures.PLUGINS).dense(1, "sigmoid").build();
        Model model = Model.builder(one, Task.CLASSIFICATION).labels(List.of("no", "yes")).build();
        assertEquals(List.of("no", "yes"), model.labels(), "binary labels");
    }

    @Test
    void refusesClassNamesForRegressionAndDuplicates() {
        assertThrows(IllegalArgumentException.class,
                () -> Model.builder(threeOutputs, Task.REGRESSION).labels(List.of("a", "b", "c")).build(),
                "regression has no classes");
        assertThrows(IllegalArgumentException.class,
                () -> Model.builder(threeOutputs, Task.CLASSIFICATION).labels(List.of("a", "b", "a")).build(),
                "duplicate class names");
    }

    @Test
    void needsAScalerColumnPerInput() {
        InputScaler twoColumns = new InputScaler("standard", new float[2], new float[]{1f, 1f});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Model.builder(threeOutputs, Task.REGRESSION).scaler(twoColumns).build());
        assertTrue(e.getMessage().contains("5 inputs"), e.getMessage());
    }

    @Test
    void tasksUseTheirFileWords() {
        assertEquals(Task.CLASSIFICATION, Task.fromId("classification"), "classification");
        assertEquals("regression", Task.REGRESSION.id(), "regression");
        assertThrows(IllegalArgumentException.class, () -> Task.fromId("clustering"), "unknown task");
    }
}
