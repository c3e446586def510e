package io.sinapse.bench;

import io.sinapse.api.Plugins;
import io.sinapse.core.Dataset;
import io.sinapse.core.Kernels;
import io.sinapse.core.Network;
import io.sinapse.data.FashionMnist;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where inference on the Fashion-MNIST MLP (784-256-128-10) spends its time: the whole 10,000-image test set in
 * one call, its first layer's product alone at the chunk size {@code Network.predict} uses, and one image at a
 * time, on 1 and 2 threads, median of repeated runs in wall time. Not a JMH benchmark: a profile to decide what to
 * optimise next (the `nn bench fmnist` figures are the ones that count).
 *
 * <pre>
 *   mvn -B -q -pl nn-bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar io.sinapse.bench.PredictProfile [rounds]
 * </pre>
 */
public final class PredictProfile {

    private PredictProfile() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Dataset test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, 1, 10_000).test().dataset();
        Network network = Network.builder(784).plugins(Plugins.load()).seed(42)
                .dense(256, "relu").dense(128, "relu").dense(10, "softmax").build();
        float[] x = test.features();
        int rows = test.rows();
        SplittableRandom random = new SplittableRandom(1);
        float[] w = new float[784 * 256];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-0.1, 0.1);
        }
        int chunk = 2048;
        float[] c = new float[chunk * 256];
        float[][] slices = new float[chunk / 128][];
        for (int s = 0; s < slices.length; s++) {
            slices[s] = Arrays.copyOfRange(x, s * 128 * 784, (s + 1) * 128 * 784);
        }
        float sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                Kernels.threads(threads);
                double[] set = new double[9];
                double[] product = new double[9];
                double[] batches = new double[9];
                for (int r = 0; r < 3 + set.length; r++) {
                    long t0 = System.nanoTime();
                    sink += network.predict(x, rows)[0];
                    long t1 = System.nanoTime();
                    Kernels.multiply(x, w, c, chunk, 784, 256);
                    long t2 = System.nanoTime();
                    for (int s = 0; s < chunk; s += 128) {
                        Kernels.multiply(slices[s / 128], w, c, 128, 784, 256);
                    }
                    long t3 = System.nanoTime();
                    if (r >= 3) {
                        set[r - 3] = (t1 - t0) / 1e6;
                        product[r - 3] = (t2 - t1) / 1e6;
                        batches[r - 3] = (t3 - t2) / 1e6;
                    }
                }
                double[] one = new double[20_000];
                for (int i = 0; i < 2 * one.length; i++) {
                    long t0 = System.nanoTime();
                    sink += network.predict(Arrays.copyOfRange(x, (i % 1000) * 784, (i % 1000 + 1) * 784))[0];
                    if (i >= one.length) {
                        one[i - one.length] = (System.nanoTime() - t0) / 1e3;
                    }
                }
                double gemmMs = median(product);
                System.out.printf(Locale.ROOT,
                        "threads %d: 10k set %.2f ms (%.0f GFLOP/s) | layer-1 product %dx784x256 %.3f ms (%.0f GFLOP/s)"
                                + " | as 128-row products %.0f GFLOP/s | predict one p50 %.2f us p10 %.2f us%n",
                        threads, median(set), 4.75e9 / 1e6 / median(set), chunk, gemmMs,
                        2.0 * chunk * 784 * 256 / 1e6 / gemmMs,
                        2.0 * chunk * 784 * 256 / 1e6 / median(batches), percentile(one, 50), percentile(one, 10));
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
