package io.sinapse.spark;

import io.sinapse.core.Accuracy;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.data.FashionMnist;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurements behind {@code docs/distributed.md}: Fashion-MNIST (a subset, from the Debian package) trained
 * on one machine with {@link Trainer} and on Spark in {@code local[1]} and {@code local[2]}, synchronous and with
 * parameter averaging, reporting time per epoch, rounds, bytes per round and test accuracy.
 *
 * <pre>
 * NN_SPARK_MAIN=io.sinapse.spark.DistributedBenchmark JAVA_OPTS=-Xmx6g nn-spark/bin/nn-spark [train] [test] [epochs]
 * </pre>
 */
public final class DistributedBenchmark {

    private static final String NETWORK = "784-128(relu)-10(softmax)";

    private DistributedBenchmark() {
    }

    public static void main(String[] args) {
        int trainRows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int testRows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        FashionMnist fashion = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, trainRows, testRows);
        List<String> rows = new ArrayList<>();
        List<String> overheads = new ArrayList<>();
        rows.add("| run | batch | s/epoch | rounds/epoch | bytes broadcast/round | result bytes/round (measured) |"
                + " train loss | test accuracy |");
        rows.add("|---|---|---|---|---|---|---|---|");
        for (int threads : new int[]{1, 2}) {
            String master = "local[" + threads + "]";
            SparkSession spark = SparkSession.builder().appName("nn-spark benchmark").master(master)
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            ResultBytes bytes = new ResultBytes();
            spark.sparkContext().addSparkListener(bytes);
            DistributedData train = DistributedData.from(Frames.array(spark, fashion.train(), "pixels", "label"))
                    .target("label").partitions(threads).build();
            DistributedData test = DistributedData.from(Frames.array(spark, fashion.test(), "pixels", "label"))
                    .target("label").classes(train.classes()).scaler(train.scaler()).partitions(threads).build();
            overheads.add(overhead(master, spark, train, FlatWeights.count(network())));
            // Warm-up, not reported: the JIT compiles the kernels and Spark's job path before anything is timed.
            distributed(master, train, test, 1, 128, 0, bytes);
            if (threads == 1) {
                rows.add(single(train, test, epochs, 128));
            }
            rows.add(distributed(master, train, test, epochs, 128, 0, bytes));
            rows.add(distributed(master, train, test, epochs, 512, 0, bytes));
            if (threads == 2) {
                rows.add(distributed(master, train, test, epochs, 128, 8, bytes));
                rows.add(distributed(master, train, test, epochs, 32, 32, bytes));
            }
            train.release();
            test.release();
            spark.stop();
        }
        System.out.println();
        System.out.println("Seconds per epoch: the mean of epochs 2 … " + epochs + ". Load average at the end: "
                + String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println("Fashion-MNIST, " + trainRows + " training and " + testRows + " test images, " + NETWORK
                + ", adam(lr=0.001), " + epochs + " epochs, seed 42; " + Runtime.getRuntime().availableProcessors()
                + " cores");
        rows.forEach(System.out::println);
        System.out.println();
        overheads.forEach(System.out::println);
    }

    /**
     * What a round costs without the arithmetic: a job of the same shape as a training round (map over the blocks,
     * treeAggregate), first empty, then with the weights' broadcast and a weights-sized result per partition.
     */
    private static String overhead(String master, SparkSession spark, DistributedData data, int weights) {
        var context = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        var blocks = data.blocks();
        int jobs = 40;
        double[] millis = new double[2];
        for (int pass = 0; pass < 2; pass++) {
            long started = 0;
            for (int j = -5; j < jobs; j++) {
                if (j == 0) {
                    started = System.nanoTime();
                }
                if (pass == 0) {
                    blocks.map(b -> Partial.of(null, b.rows(), 0, 0))
                            .treeAggregate(Partial.EMPTY, Partial::merge, Partial::merge, 2);
                } else {
                    var broadcast = context.broadcast(new float[weights]);
                    blocks.map(b -> Partial.of(new float[broadcast.value().length], b.rows(), 0, 0))
                            .treeAggregate(Partial.EMPTY, Partial::merge, Partial::merge, 2);
                    broadcast.destroy();
                }
            }
            millis[pass] = (System.nanoTime() - started) / 1e6 / jobs;
        }
        String line = String.format(Locale.ROOT, "%s, %d partitions: an empty round (map + treeAggregate) takes %.1f ms;"
                + " with a %d-byte broadcast and a %d-byte result per partition %.1f ms", master, data.partitions(),
                millis[0], 4 * weights, 4 * weights, millis[1]);
        System.out.println(line);
        return line;
    }

    private static Network network() {
        return Network.builder(784).dense(128, "relu").dense(10, "softmax").seed(42).build();
    }

    private static String single(DistributedData train, DistributedData test, int epochs, int batch) {
        io.sinapse.core.Dataset local = train.collect();
        io.sinapse.core.Dataset held = test.collect();
        Network network = network();
        Trainer trainer = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)").epochs(epochs)
                .batchSize(batch).seed(42).build();
        var history = trainer.fit(network, local);
        double seconds = steadyEpochSeconds(history.epochs());
        String row = String.format(Locale.ROOT, "| one machine (Trainer) | %d | %.2f | – | – | – | %.4f | %.4f |",
                batch, seconds, history.last().loss(), Accuracy.of(network, held));
        System.out.println(row + "   (" + String.format(Locale.ROOT, "%.1f µs per sample",
                1e6 * seconds / local.rows()) + ")");
        return row;
    }

    private static String distributed(String master, DistributedData train, DistributedData test, int epochs,
                                      int batch, int averageEvery, ResultBytes bytes) {
        Network network = network();
        SparkTrainer trainer = SparkTrainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)")
                .epochs(epochs).batchSize(batch).seed(42).averageEvery(averageEvery).build();
        long before = bytes.total.get();
        SparkTrainer.Result result = trainer.fit(network, train);
        long measured = (bytes.total.get() - before) / result.rounds();
        double accuracy = trainer.evaluate(network, test).accuracy();
        String row = String.format(Locale.ROOT, "| %s, %d partitions, %s | %d | %.2f | %d | %d | %d | %.4f | %.4f |",
                master, result.partitions(), averageEvery > 0 ? "averaging every " + averageEvery : "synchronous",
                batch, steadyEpochSeconds(result.history().epochs()), result.rounds() / epochs, result.bytesBroadcastPerRound(), measured,
                result.history().epochs().get(epochs - 1).loss(), accuracy);
        System.out.println(row);
        return row;
    }

    /** The mean time of the epochs after the first (which also pays for class loading and compilation). */
    private static double steadyEpochSeconds(List<io.sinapse.core.Epoch> epochs) {
        if (epochs.size() == 1) {
            return epochs.get(0).seconds();
        }
        return epochs.stream().skip(1).mapToDouble(io.sinapse.core.Epoch::seconds).average().orElseThrow();
    }

    /** Sums the serialized size of every task result: what the partitions send back to be aggregated. */
    private static final class ResultBytes extends SparkListener {
        final AtomicLong total = new AtomicLong();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskMetrics() != null) {
                total.addAndGet(taskEnd.taskMetrics().resultSize());
            }
        }
    }
}
