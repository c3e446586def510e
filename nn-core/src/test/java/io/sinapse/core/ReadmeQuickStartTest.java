package io.sinapse.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start, line for line: if it stops compiling or working, so does this. */
class ReadmeQuickStartTest {

    @Test
    void quickStartLearnsXor() {
        Dataset xor = Dataset.of(new float[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                                 new float[][]{{0}, {1}, {1}, {0}});
        Network network = Network.builder(2).dense(4, "tanh").dense(1, "sigmoid").seed(7).build();
        Trainer trainer = Trainer.builder().loss("mse").optimizer("adam(lr=0.05)")
                .epochs(3000).batchSize(4).minError(0.005).build();     // max epochs, batch size, minimum error
        History history = trainer.fit(network, xor);
        System.out.println(history.stopReason() + ", accuracy " + Accuracy.of(network, xor));
        float[] y = network.predict(1, 0);                             // ≈ 1

        assertEquals(1.0, Accuracy.of(network, xor));
        assertTrue(history.stopReason().startsWith("reached the minimum error"), history.stopReason());
        assertTrue(y[0] > 0.8f, "predict(1, 0) = " + y[0]);
    }
}
