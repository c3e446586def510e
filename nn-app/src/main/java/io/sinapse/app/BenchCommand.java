package io.sinapse.app;

import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Epoch;
import io.sinapse.core.History;
import io.sinapse.core.Kernels;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.core.TrainingControl;
import io.sinapse.core.TrainingListener;
import io.sinapse.data.FashionMnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code nn bench}: benchmarks of the library on real data. {@code nn bench fmnist} trains the MLP on
 * Fashion-MNIST and times the epochs and inference, with the same network and settings as
 * {@code bench/pytorch_fmnist.py}, so {@code bench/compare.sh} can set the two side by side.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the library on real data; see docs/performance.md.",
        subcommands = {BenchCommand.FashionMnistBench.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a benchmark: choose fmnist.");
    }

    /** {@code nn bench fmnist}: MLP 784-256-128-10 on Fashion-MNIST, per-epoch time, throughput and accuracy. */
    @Command(name = "fmnist", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train an MLP 784-256-128-10 (relu, softmax cross-entropy, adam lr 0.001, batch 128,"
                    + " shuffled) on the 60,000 Fashion-MNIST training images, and print each epoch's seconds,"
                    + " samples/s and test accuracy; then time inference on one image and on the 10,000 test"
                    + " images.",
                    "Epoch times cover the training steps only: the test accuracy is measured after the clock stops."},
            footer = {"", "Examples:", "  nn bench fmnist --epochs 10 --threads 2 --json",
                    "  bench/compare.sh     (this beside bench/pytorch_fmnist.py, alternating)"})
    static final class FashionMnistBench implements Callable<Integer> {

        /** Single-image predictions timed one by one (after warming up). */
        private static final int PREDICT_ONE_CALLS = 30_000;
        /**
         * How long each inference measure calls first to warm up. After training, and after the single-image calls
         * for the whole test set, the first calls run code the JIT has not yet compiled for that path, and with both
         * cores busy its compiler threads take a while: whole-set calls ran twice as slow for the first 10–25 calls
         * (0.3–0.8 s); 30,000 single-image calls (0.2 s) left one image's median 0.5–1.5 µs above its steady value.
         */
        private static final long PREDICT_WARM_UP_NANOS = 2_000_000_000L;
        private static final int PREDICT_SET_RUNS = 15;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
                description = "Epochs to train (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--threads", paramLabel = "T", defaultValue = "2",
                description = "Threads for the matrix products and the update (default: ${DEFAULT-VALUE}, as"
                        + " bench/pytorch_fmnist.py); the numbers trained are the same for any count.")
        int threads;

        @Option(names = "--batch-size", paramLabel = "B", defaultValue = "128",
                description = "Examples per update (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "Seed for the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "/usr/share/datasets/fashion-mnist",
                description = "Folder of the four Fashion-MNIST .gz files (default: ${DEFAULT-VALUE}).")
        Path directory;

        @Option(names = "--json", description = "End stdout with one JSON line of the measurements.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (epochs <= 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--epochs': at least 1,"
                        + " got " + epochs);
            }
            if (batchSize <= 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--batch-size': at"
                        + " least 1, got " + batchSize);
            }
            if (threads <= 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': at least 1,"
                        + " got " + threads);
            }
            if (!FashionMnist.isInstalled(directory)) {
                throw new UsageException("Fashion-MNIST is not in " + directory + ": install the Debian package"
                        + " dataset-fashion-mnist, or give --data the folder holding its four .gz files.");
            }
            PrintWriter out = spec.commandLine().getOut();
            Kernels.threads(threads);

            long started = System.nanoTime();
            FashionMnist fashion = FashionMnist.load(directory);
            double loadSeconds = seconds(started);
            Dataset train = fashion.train().dataset();
            Dataset test = fashion.test().dataset();

            Network network = Network.builder(train.featureCount()).plugins(common.plugins()).seed(seed)
                    .dense(256, "relu").dense(128, "relu").dense(train.targetCount(), "softmax").build();
            out.println("Fashion-MNIST: " + train.rows() + " training, " + test.rows() + " test images, loaded in "
                    + Num.format(loadSeconds, 3) + " s");
            out.println(network.summary());
            out.println("Loss cross_entropy, optimizer adam(lr=0.001), batch size " + batchSize + ", shuffled, "
                    + epochs + " epochs; kernels " + Kernels.kind() + ", "
                    + threads + " thread" + (threads == 1 ? "" : "s") + "; Java " + Runtime.version());
            out.flush();

            double[] epochSeconds = new double[epochs];
            double[] testAccuracy = new double[1];
            long[] allocatedPerStep = {-1};
            AllocationCounter allocation = AllocationCounter.forCurrentThread();
            Trainer trainer = Trainer.builder().plugins(common.plugins()).loss("cross_entropy")
                    .optimizer("adam(lr=0.001)").batchSize(batchSize).epochs(epochs).seed(seed)
                    .listener(new TrainingListener() {
                        private long atSecondStep;

                        /** Bytes the training thread allocated from the end of step 2 to the end of the last. */
                        @Override
                        public void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
                            if (allocation == null || batches < 3) {
                                return;
                            }
                            if (batch == 2) {
                                atSecondStep = allocation.bytes();
                            } else if (batch == batches) {
                                allocatedPerStep[0] = (allocation.bytes() - atSecondStep) / (batches - 2);
                            }
                        }

                        @Override
                        public void onEpochEnd(Epoch epoch, TrainingControl control) {
                            // Epoch.seconds() was taken before listeners run: this evaluation is not in it.
                            epochSeconds[epoch.number() - 1] = epoch.seconds();
                            testAccuracy[0] = Accuracy.of(network, test);
                            out.printf(Locale.ROOT, "epoch %2d  %7.3f s  %8.0f samples/s  loss %.4f  train accuracy"
                                            + " %.4f  test accuracy %.4f%n", epoch.number(), epoch.seconds(),
                                    train.rows() / epoch.seconds(), epoch.loss(), epoch.accuracy(), testAccuracy[0]);
                            out.flush();
                        }
                    })
                    .build();
            History history = trainer.fit(network, train);

            double median = median(Arrays.copyOf(epochSeconds, history.size()));
            double[] predictOne = predictOneMicroseconds(network, test);
            double predictSet = predictTestSetMilliseconds(network, test);
            long peakRss = peakRssKilobytes();

            out.printf(Locale.ROOT, "median epoch %.3f s, %.0f samples/s, test accuracy %.4f%n", median,
                    train.rows() / median, testAccuracy[0]);
            out.printf(Locale.ROOT, "predict one image %.2f µs (median of %d calls; mean %.2f µs), the %d test images"
                            + " %.2f ms (median of %d)%n", predictOne[0], PREDICT_ONE_CALLS, predictOne[1], test.rows(),
                    predictSet, PREDICT_SET_RUNS);
            out.println("peak RSS " + (peakRss < 0 ? "unknown (no /proc/self/status)"
                    : Num.format(peakRss / 1024.0, 4) + " MB") + "; allocated per training step in the last epoch: "
                    + (allocatedPerStep[0] < 0 ? "unknown (run the JVM with --add-modules jdk.management)"
                    : allocatedPerStep[0] + " bytes"));
            if (json) {
                out.println(new Json()
                        .put("framework", "sinapse")
                        .put("epochs", history.size())
                        .put("threads", threads)
                        .put("batch_size", batchSize)
                        .put("kernels", Kernels.kind())
                        .put("median_epoch_seconds", median)
                        .put("first_epoch_seconds", epochSeconds[0])
                        .put("samples_per_second", train.rows() / median)
                        .put("test_accuracy", testAccuracy[0])
                        .put("final_loss", history.last().loss())
                        .put("predict_one_microseconds", predictOne[0])
                        .put("predict_one_mean_microseconds", predictOne[1])
                        .put("predict_test_set_milliseconds", predictSet)
                        .put("peak_rss_mb", peakRss < 0 ? Double.NaN : peakRss / 1024.0)
                        .put("allocated_bytes_per_step", allocatedPerStep[0] < 0 ? null : allocatedPerStep[0])
                        .put("load_seconds", loadSeconds));
            }
            out.flush();
            return 0;
        }

        /**
         * One image at a time through {@link Network#predict(float...)}, cycling over the first 1,000 test images:
         * calls for 2 s to warm up, then {@value #PREDICT_ONE_CALLS} timed one by one. Returns the median call (the
         * latency a caller typically sees, untouched by the odd call that the operating system interrupts) and the
         * mean (which those calls weigh on), in microseconds.
         */
        private static double[] predictOneMicroseconds(Network network, Dataset test) {
            int inputs = test.featureCount();
            float[][] images = new float[Math.min(1_000, test.rows())][];
            for (int i = 0; i < images.length; i++) {
                images[i] = Arrays.copyOfRange(test.features(), i * inputs, (i + 1) * inputs);
            }
            float sink = 0;
            for (long started = System.nanoTime(), i = 0; System.nanoTime() - started < PREDICT_WARM_UP_NANOS; i++) {
                sink += network.predict(images[(int) (i % images.length)])[0];
            }
            double[] calls = new double[PREDICT_ONE_CALLS];
            for (int i = 0; i < calls.length; i++) {
                long started = System.nanoTime();
                sink += network.predict(images[i % images.length])[0];
                calls[i] = (System.nanoTime() - started) / 1e3;
            }
            blackhole(sink);
            return new double[]{median(calls), Arrays.stream(calls).average().orElse(Double.NaN)};
        }

        /** All test images as one batch through {@link Network#predict(float[], int)}: warmed up 2 s, then the median. */
        private static double predictTestSetMilliseconds(Network network, Dataset test) {
            float sink = 0;
            for (long started = System.nanoTime(); System.nanoTime() - started < PREDICT_WARM_UP_NANOS; ) {
                sink += network.predict(test.features(), test.rows())[0];
            }
            double[] runs = new double[PREDICT_SET_RUNS];
            for (int r = 0; r < runs.length; r++) {
                long started = System.nanoTime();
                sink += network.predict(test.features(), test.rows())[0];
                runs[r] = (System.nanoTime() - started) / 1e6;
            }
            blackhole(sink);
            return median(runs);
        }

        /**
         * The bytes allocated so far by the thread that made it, from HotSpot's
         * {@code com.sun.management.ThreadMXBean}. Reached by reflection, because io.sinapse.app does not read
         * jdk.management; available when the JVM resolves that module ({@code --add-modules jdk.management}).
         */
        private record AllocationCounter(Object bean, java.lang.reflect.Method method) {

            static AllocationCounter forCurrentThread() {
                if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
                    return null;
                }
                try {
                    Object bean = Class.forName("java.lang.management.ManagementFactory")
                            .getMethod("getThreadMXBean").invoke(null);
                    java.lang.reflect.Method method = Class.forName("com.sun.management.ThreadMXBean")
                            .getMethod("getCurrentThreadAllocatedBytes");
                    AllocationCounter counter = new AllocationCounter(bean, method);
                    return counter.bytes() >= 0 ? counter : null;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }

            long bytes() {
                try {
                    return (Long) method.invoke(bean);
                } catch (ReflectiveOperationException e) {
                    return -1;
                }
            }
        }

        /** VmHWM, the resident set's high-water mark, in kB; -1 where /proc is not there. */
        private static long peakRssKilobytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.substring(6).replace("kB", "").trim());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static double seconds(long startedNanos) {
            return (System.nanoTime() - startedNanos) / 1e9;
        }

        /** Keeps the predictions from being optimised away. */
        private static void blackhole(float value) {
            if (value == Float.MIN_VALUE) {
                System.err.print("");
            }
        }
    }
}
