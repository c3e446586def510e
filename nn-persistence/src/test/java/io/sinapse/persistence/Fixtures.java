package io.sinapse.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import io.sinapse.api.Plugins;
import io.sinapse.core.Dataset;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;

import java.util.List;
import java.util.SplittableRandom;

/** Networks, data and assertions shared by the tests. */
final class Fixtures {

    static final Plugins PLUGINS = Plugins.load();

    private Fixtures() {
    }

    /** Random values in [-3, 3): wide enough to reach every activation's saturated and negative parts. */
    static float[] inputs(long seed, int rows, int cols) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 6 - 3);
        }
        return x;
    }

    /** 5 inputs → 8 → 6 with {@code activation} after each hidden layer → 3 linear outputs. */
    static Network network(String activation) {
        return Network.builder(5).plugins(PLUGINS).seed(7).dense(8, activation).dense(6, activation).dense(3).build();
    }

    /** 5 inputs → 8 relu → dropout 0.25 → 3 linear outputs. */
    static Network networkWithDropout() {
        return Network.builder(5).plugins(PLUGINS).seed(7).dense(8, "relu").dropout(0.25).dense(3).build();
    }

    /** A small classifier trained a few epochs with Adam, so its tensors carry optimizer state. */
    static Trained trained() {
        Network network = Network.builder(4).plugins(PLUGINS).seed(3).dense(6, "tanh").dense(2, "sigmoid").build();
        Dataset data = dataset(11, 24);
        Trainer trainer = Trainer.builder().plugins(PLUGINS).loss("mse").optimizer("adam(lr=0.01)")
                .regularizer("l2(lambda=0.001)").epochs(5).batchSize(8).seed(5).build();
        History history = trainer.fit(network, data);
        Model model = Model.builder(network, Task.CLASSIFICATION)
                .labels(List.of("no", "yes"))
                .scaler(new InputScaler("standard", new float[]{0.5f, -1f, 2f, 0.25f}, new float[]{1f, 2f, 0.5f, 3f}))
                .loss(trainer.loss().spec())
                .optimizer(trainer.optimizer().spec())
                .regularizer("l2(lambda=0.001)")
                .history(history)
                .metadata("dataset", "synthetic")
                .metadata("note", "ünïcödé ✓")
                .build();
        return new Trained(model, trainer);
    }

    record Trained(Model model, Trainer trainer) {
    }

    /** {@code rows} examples of 4 features and a one-hot pair of targets (class: sum of features > 0). */
    static Dataset dataset(long seed, int rows) {
        float[] x = inputs(seed, rows, 4);
        float[] y = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            float sum = x[r * 4] + x[r * 4 + 1] + x[r * 4 + 2] + x[r * 4 + 3];
            y[r * 2 + (sum > 0 ? 1 : 0)] = 1f;
        }
        return new Dataset(x, 4, y, 2);
    }

    /** Every value must have exactly the same bits: "bit for bit" predictions, NaN payloads and signed zeros too. */
    static void assertSameBits(float[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(what + ": value " + i + " differs, expected " + expected[i] + " got " + actual[i]);
            }
        }
    }
}
