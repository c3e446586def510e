package io.sinapse.bench;

import io.sinapse.core.Dataset;
import io.sinapse.core.Kernels;
import io.sinapse.data.FashionMnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether the two vCPUs compute one image's first layer at the same speed: two bare threads (no pool, no hand-over
 * beyond a volatile counter) each compute one 128-column half of the 784×256 product for the same image, cycling
 * over 1,000 test images; printed are each thread's median time, the vCPU it ran on, and the median of the whole
 * (post to both done). A call of {@code Network.predict} on one image waits for the slower half, so when one vCPU
 * is slower (another guest on its host core, say) predict one is slower, whatever the code does. Each half is its
 * own 784×128 copy of the weights, read by {@link Kernels#multiply} on one row. Not a JMH benchmark.
 *
 * <pre>
 *   mvn -B -q -pl nn-bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar io.sinapse.bench.HalvesProfile [rounds]
 * </pre>
 */
public final class HalvesProfile {

    private static final int CALLS = 20_000;

    private static volatile long posted;
    private static volatile long done;
    private static volatile int helperCpu = -1;

    private HalvesProfile() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Kernels.threads(1); // each thread computes its own half alone
        Dataset test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, 1, 1_000).test().dataset();
        float[][] images = new float[1_000][];
        for (int i = 0; i < images.length; i++) {
            images[i] = Arrays.copyOfRange(test.features(), i * 784, (i + 1) * 784);
        }
        SplittableRandom random = new SplittableRandom(1);
        float[][] halves = new float[2][784 * 128];
        for (float[] half : halves) {
            for (int i = 0; i < half.length; i++) {
                half[i] = (float) random.nextDouble(-0.1, 0.1);
            }
        }
        double[] helperTimes = new double[2 * CALLS];
        Thread helper = new Thread(() -> {
            float[] c = new float[128];
            long seen = 0;
            for (int i = 0; ; i++) {
                long call;
                while ((call = posted) == seen) {
                    Thread.onSpinWait();
                }
                seen = call;
                long t0 = System.nanoTime();
                Kernels.multiply(images[(int) (call % images.length)], halves[1], c, 1, 784, 128);
                helperTimes[i % helperTimes.length] = (System.nanoTime() - t0) / 1e3;
                if ((call & 1023) == 0) {
                    helperCpu = cpu();
                }
                done = call;
            }
        }, "halves-helper");
        helper.setDaemon(true);
        helper.start();
        float[] c = new float[128];
        long call = 0;
        for (int round = 0; round < rounds; round++) {
            double[] caller = new double[CALLS];
            double[] whole = new double[CALLS];
            for (int i = 0; i < 2 * CALLS; i++) {
                long t0 = System.nanoTime();
                posted = ++call;
                long t1 = System.nanoTime();
                Kernels.multiply(images[(int) (call % images.length)], halves[0], c, 1, 784, 128);
                long t2 = System.nanoTime();
                while (done != call) {
                    Thread.onSpinWait();
                }
                long t3 = System.nanoTime();
                if (i >= CALLS) {
                    caller[i - CALLS] = (t2 - t1) / 1e3;
                    whole[i - CALLS] = (t3 - t0) / 1e3;
                }
            }
            System.out.printf(Locale.ROOT, "round %d: caller's half %.2f µs on vCPU %d, helper's half %.2f µs on vCPU %d,"
                            + " both %.2f µs (medians of %d calls)%n", round + 1, median(caller), cpu(),
                    median(Arrays.copyOf(helperTimes, CALLS)), helperCpu, median(whole), CALLS);
        }
    }

    /** The vCPU the calling thread last ran on (Linux), or -1. */
    private static int cpu() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[36]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
