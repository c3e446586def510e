package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link Network#predict(float[], int)} takes a large input a chunk of rows at a time; a row's outputs must not
 * depend on that, nor on which other rows are predicted with it.
 */
class PredictTest {

    private static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static void assertEachRowAsAlone(Network network, float[] x, int rows) {
        int inputs = network.inputSize();
        int outputs = network.outputSize();
        float[] all = network.predict(x, rows);
        assertEquals(rows * outputs, all.length, "one output row per input row");
        // Rows on both sides of every chunk boundary, and a sample of the rest.
        for (int r = 0; r < rows; r++) {
            int inChunk = r % Network.PREDICT_CHUNK;
            if (inChunk > 1 && inChunk < Network.PREDICT_CHUNK - 2 && r % 97 != 0 && r != rows - 1) {
                continue;
            }
            float[] alone = network.predict(Arrays.copyOfRange(x, r * inputs, (r + 1) * inputs));
            for (int j = 0; j < outputs; j++) {
                assertEquals(Float.floatToRawIntBits(alone[j]), Float.floatToRawIntBits(all[r * outputs + j]),
                        "row " + r + ", output " + j + " of " + rows + " rows predicted at once");
            }
        }
    }

    @Test
    void aLargeInputGivesEachRowTheOutputsItHasAlone() {
        Network network = Network.builder(20).dense(70, "relu").dense(10, "softmax").seed(4).build();
        int rows = 2 * Network.PREDICT_CHUNK + 37;
        assertEachRowAsAlone(network, random(rows * 20, 1), rows);
    }

    @Test
    void chunksWorkWhenTheFirstLayerIsNotDense() {
        Network network = Network.builder(12).dropout(0.5).dense(9, "tanh").dense(3, "sigmoid").seed(4).build();
        int rows = Network.PREDICT_CHUNK + 5;
        assertEachRowAsAlone(network, random(rows * 12, 2), rows);
    }

    @Test
    void accuracyOfALargeSetAgreesWithPredictWhateverTheFirstLayer() {
        int rows = 2500;
        float[] x = random(rows * 12, 3);
        float[] y = new float[rows * 3];
        SplittableRandom random = new SplittableRandom(8);
        for (int r = 0; r < rows; r++) {
            y[r * 3 + random.nextInt(3)] = 1;
        }
        Dataset data = new Dataset(x, 12, y, 3);
        for (Network network : new Network[]{
                Network.builder(12).dense(9, "tanh").dense(3, "softmax").seed(5).build(),
                Network.builder(12).dropout(0.5).dense(9, "tanh").dense(3, "softmax").seed(5).build()}) {
            float[] out = network.predict(x, rows);
            int correct = Accuracy.correct(out, y, rows, 3);
            assertEquals((double) correct / rows, Accuracy.of(network, data), 0, network.summary());
        }
    }

    @Test
    void tooFewInputValuesAreRefused() {
        Network network = Network.builder(3).dense(2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.predict(new float[5], 2));
        assertEquals("Expected 2 rows of 3 inputs (6 values), got 5 values", e.getMessage());
    }
}
