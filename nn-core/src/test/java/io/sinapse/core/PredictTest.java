package io.sinapse.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Network#predict(float[], int)} takes a large input a part of rows at a time, on one thread or several; a
 * row's outputs must not depend on that, nor on which other rows are predicted with it.
 */
class PredictTest {

    @AfterEach
    void backToOneThread() {
        Kernels.threads(1);
    }

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
        for (int r = 0; r < rows; r++) {
            float[] alone = network.predict(Arrays.copyOfRange(x, r * inputs, (r + 1) * inputs));
            for (int j = 0; j < outputs; j++) {
                assertEquals(Float.floatToRawIntBits(alone[j]), Float.floatToRawIntBits(all[r * outputs + j]),
                        "row " + r + ", output " + j + " of " + rows + " rows predicted at once");
            }
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2, 3})
    void aLargeInputGivesEachRowTheOutputsItHasAlone(int threads) {
        Kernels.threads(threads);
        Network network = Network.builder(40).dense(70, "relu").dense(10, "softmax").seed(4).build();
        int rows = 2 * Network.PREDICT_CHUNK + 37;
        assertEachRowAsAlone(network, random(rows * 40, 1), rows);
    }

    /**
     * Inputs like images, zero outside a window that differs from row to row: the parts' first products take the
     * rows sorted by outline and skip the zeros that a tile's rows share, and each row must still get its own.
     */
    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void rowsOfDifferentOutlinesGetTheOutputsTheyHaveAlone(int threads) {
        Kernels.threads(threads);
        int inputs = 200;
        Network network = Network.builder(inputs).dense(70, "relu").dense(10, "softmax").seed(5).build();
        int rows = 2 * Network.PREDICT_CHUNK + 37;
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[rows * inputs];
        for (int r = 0; r < rows; r++) {
            int from = random.nextInt(inputs / 2);
            int to = from + random.nextInt(inputs - from + 1);
            for (int p = from; p < to; p++) {
                x[r * inputs + p] = random.nextInt(4) == 0 ? 0f : (float) random.nextDouble();
            }
        }
        assertEachRowAsAlone(network, x, rows);
    }

    /** Each calling thread infers in its own buffers; callers at once must not write into each other's. */
    @ParameterizedTest(name = "{0} thread(s) per product")
    @ValueSource(ints = {1, 2})
    void callersAtOnceGetWhatEachGetsAlone(int threads) throws Exception {
        Kernels.threads(threads);
        Network network = Network.builder(30).dense(80, "relu").dense(4, "softmax").seed(8).build();
        int rows = Network.PREDICT_CHUNK * 3 + 11;
        float[][] inputs = new float[4][];
        float[][] expected = new float[inputs.length][];
        for (int c = 0; c < inputs.length; c++) {
            inputs[c] = random(rows * 30, 20 + c);
            expected[c] = network.predict(inputs[c], rows);
        }
        float[][] got = new float[inputs.length][];
        Thread[] callers = new Thread[inputs.length];
        for (int c = 0; c < callers.length; c++) {
            int caller = c;
            callers[c] = new Thread(() -> {
                for (int repeat = 0; repeat < 20; repeat++) {
                    float[] out = network.predict(inputs[caller], rows);
                    if (!Arrays.equals(expected[caller], out)) {
                        got[caller] = out;
                        return;
                    }
                }
            });
            callers[c].start();
        }
        for (int c = 0; c < callers.length; c++) {
            callers[c].join();
            assertEquals(null, got[c] == null ? null : "different", "caller " + c + " got other outputs than alone");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void partsWorkWhenTheFirstLayerIsNotDense(int threads) {
        Kernels.threads(threads);
        Network network = Network.builder(12).dropout(0.5).dense(90, "tanh").dense(3, "sigmoid").seed(4).build();
        int rows = Network.PREDICT_CHUNK + 5;
        assertEachRowAsAlone(network, random(rows * 12, 2), rows);
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {63, 64, 65, 200, 1001})
    void fewRowsOnTwoThreadsGiveTheOutputsOfOneThread(int rows) {
        Network network = Network.builder(50).dense(64, "relu").dense(5, "softmax").seed(6).build();
        float[] x = random(rows * 50, rows);
        Kernels.threads(1);
        float[] one = network.predict(x, rows);
        Kernels.threads(2);
        float[] two = network.predict(x, rows);
        for (int i = 0; i < one.length; i++) {
            assertEquals(Float.floatToRawIntBits(one[i]), Float.floatToRawIntBits(two[i]), "output " + i);
        }
    }

    /**
     * One example on two or three threads: a layer of 2¹⁷ weights or more has its product shared with a helper, each
     * thread computing whole columns, and the caller starts the next dense layer on its own columns
     * ({@link OverlappedLayers}). Each output must have the bits one thread gives, alone and among other
     * examples: with relu, sigmoid and tanh, with the shared layer first or later in the network, cut in two blocks
     * or three (the last one partial), with biases that are not 0, and with half the inputs zero. Repeated, so the
     * threads meet in different orders.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relu first", "sigmoid first", "shared later", "three blocks"})
    void oneExampleSharedWithAHelperGetsTheBitsOfOneThread(String network) {
        Network net = switch (network) {
            case "relu first" -> Network.builder(784).dense(256, "relu").dense(128, "relu").dense(10, "softmax")
                    .seed(9).build();
            case "sigmoid first" -> Network.builder(784).dense(256, "sigmoid").dense(20, "tanh").seed(9).build();
            case "three blocks" -> Network.builder(512).dense(300, "relu").dense(50, "tanh").seed(9).build();
            default -> Network.builder(64).dense(512, "relu").dense(256, "sigmoid").dense(40, "relu")
                    .dense(10, "softmax").seed(9).build();
        };
        for (Layer layer : net.layers()) {
            if (layer instanceof Dense dense) { // biases start at 0; make them count
                float[] bias = dense.bias().value();
                System.arraycopy(random(bias.length, bias.length), 0, bias, 0, bias.length);
            }
        }
        int inputs = net.inputSize();
        int rows = 5;
        float[] x = random(rows * inputs, 21);
        SplittableRandom zeros = new SplittableRandom(22);
        for (int i = 0; i < x.length; i++) {
            if (zeros.nextBoolean()) {
                x[i] = 0f;
            }
        }
        Kernels.threads(1);
        float[] together = net.predict(x, rows);
        int outputs = net.outputSize();
        for (int threads = 1; threads <= 3; threads++) {
            Kernels.threads(threads);
            for (int repeat = 0; repeat < 20; repeat++) {
                for (int r = 0; r < rows; r++) {
                    float[] alone = net.predict(Arrays.copyOfRange(x, r * inputs, (r + 1) * inputs));
                    for (int j = 0; j < outputs; j++) {
                        assertEquals(Float.floatToRawIntBits(together[r * outputs + j]),
                                Float.floatToRawIntBits(alone[j]), "example " + r + ", output " + j + " on "
                                        + threads + " thread(s), repeat " + repeat);
                    }
                }
            }
        }
    }

    /**
     * Where {@link OverlappedLayers} takes one example through: a dense layer shared with a helper, an element-wise
     * activation, and a dense layer the caller computes alone; not on one thread, not around softmax (each output
     * depends on the whole row), and not when the second layer is large enough to be shared itself.
     */
    @Test
    void oneExampleOverlapsTwoDenseLayersOnlyWhereTheNumbersStayTheSame() {
        assumeTrue(Kernels.vectorized(), "the overlap needs the vector kernels");
        Kernels.threads(2);
        assertTrue(overlaps(Network.builder(784).dense(256, "relu").dense(128, "relu").build()));
        assertTrue(overlaps(Network.builder(512).dense(300, "tanh").dense(50, "tanh").build()));
        assertFalse(overlaps(Network.builder(784).dense(256, "softmax").dense(128, "relu").build()));
        assertFalse(overlaps(Network.builder(784).dense(512, "relu").dense(256, "relu").build()));
        assertFalse(overlaps(Network.builder(784).dense(128, "relu").dense(128, "relu").build()));
        Kernels.threads(1);
        assertFalse(overlaps(Network.builder(784).dense(256, "relu").dense(128, "relu").build()));
    }

    private static boolean overlaps(Network network) {
        List<Layer> layers = network.layers();
        return OverlappedLayers.fits(layers.get(0), layers.get(1), layers.get(2));
    }

    /** A layer written elsewhere, with a buffer of its own and no {@code infer}: the default runs it safely. */
    private static final class Square implements Layer {
        private final int size;
        private float[] output;

        Square(int size) {
            this.size = size;
        }

        @Override
        public int inputSize() {
            return size;
        }

        @Override
        public int outputSize() {
            return size;
        }

        @Override
        public float[] forward(float[] input, int rows, boolean training) {
            output = Buffers.ensure(output, rows * size);
            for (int i = 0; i < rows * size; i++) {
                output[i] = input[i] * input[i];
            }
            return output;
        }

        @Override
        public float[] backward(float[] gradOutput, int rows, boolean needInputGradient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "Square";
        }
    }

    @Test
    void aLayerWithoutItsOwnInferIsPredictedByThreadsAsByOne() {
        Dense first = new Dense(40, 64);
        Dense last = new Dense(64, 7);
        first.initialize(io.sinapse.api.WeightInit.GLOROT, new SplittableRandom(1));
        last.initialize(io.sinapse.api.WeightInit.GLOROT, new SplittableRandom(2));
        Network network = new Network(40, java.util.List.of(first, new Square(64), last));
        int rows = 3000;
        float[] x = random(rows * 40, 9);
        Kernels.threads(1);
        float[] one = network.predict(x, rows);
        Kernels.threads(2);
        for (int round = 0; round < 5; round++) {
            float[] two = network.predict(x, rows);
            for (int i = 0; i < one.length; i++) {
                assertEquals(Float.floatToRawIntBits(one[i]), Float.floatToRawIntBits(two[i]), "output " + i);
            }
        }
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
