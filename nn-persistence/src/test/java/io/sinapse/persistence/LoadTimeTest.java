package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static io.sinapse.persistence.Fixtures.assertSameBits;

import io.sinapse.core.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, and prints, how long a Fashion-MNIST-size model (784-256-128-10, 235,146 parameters) takes to save
 * and load. Timing is reported, not asserted: machines differ. The test asserts the loaded model is the same.
 */
class LoadTimeTest {

    private static final int RUNS = 30;

    @TempDir
    Path dir;

    @Test
    void measureFashionMnistSizeModel() throws IOException {
        Network network = Network.builder(784).plugins(PLUGINS).seed(1)
                .dense(256, "relu").dense(128, "relu").dense(10, "softmax").build();
        List<String> labels = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        Model model = Model.builder(network, Task.CLASSIFICATION).labels(labels).build();
        Path file = dir.resolve("fashion.sinapse");

        double[] saveMs = new double[RUNS];
        double[] loadMs = new double[RUNS];
        Model loaded = null;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            ModelFile.save(file, model);
            long t1 = System.nanoTime();
            loaded = ModelFile.load(file, PLUGINS);
            long t2 = System.nanoTime();
            saveMs[run] = (t1 - t0) / 1e6;
            loadMs[run] = (t2 - t1) / 1e6;
        }
        System.out.printf("784-256-128-10 model, %,d bytes: load %.1f ms (median of %d; first %.1f ms),"
                        + " save %.1f ms (median; first %.1f ms)%n", Files.size(file), median(loadMs), RUNS,
                loadMs[0], median(saveMs), saveMs[0]);

        float[] x = Fixtures.inputs(4, 16, 784);
        assertSameBits(network.predict(x, 16), loaded.network().predict(x, 16), "predictions of the loaded model");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
