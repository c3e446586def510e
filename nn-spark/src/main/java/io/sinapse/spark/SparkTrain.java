package io.sinapse.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import io.sinapse.core.Network;
import io.sinapse.persistence.Model;
import io.sinapse.persistence.Task;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code nn-spark train}: {@code nn train} on a Spark cluster. Reads a CSV file with Spark, prepares it where it
 * lies (classes, scaling), trains data-parallel with {@link SparkTrainer} and writes the same model file as
 * {@code nn train}, for {@code nn eval} and {@code nn predict}.
 */
@Command(name = "nn-spark", mixinStandardHelpOptions = true, sortOptions = false, version = "Sinapse nn-spark 0.1.0",
        description = {"Train a multilayer perceptron on a CSV file with Apache Spark, data-parallel: every step is"
                + " the single-machine mini-batch step, its gradient computed where the rows are.",
                "Takes the options of 'nn train' that make sense on a cluster, plus --spark-master and"
                + " --average-every."},
        footer = {"", "Examples:",
                "  nn-spark --spark-master local[2] --data iris.csv --target species --layers 16 --save iris.sinapse",
                "  nn-spark --spark-master spark://host:7077 --data hdfs:///data/big.csv --target y --batch-size 512"
                        + " --average-every 8 --json"})
public final class SparkTrain implements Callable<Integer> {

    enum Scaling { STANDARD, MINMAX, NONE }

    enum TaskOption { CLASSIFICATION, REGRESSION }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The training data: a CSV file with a header row, any path Spark reads (file:, hdfs:, s3a:).")
    String data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The column to predict (default: the last).")
    String target;

    @Option(names = "--drop", paramLabel = "COLUMN", split = ",", description = "Columns to ignore, such as ids.")
    List<String> drop = new ArrayList<>();

    @Option(names = "--task", paramLabel = "TASK",
            description = "classification or regression, instead of deciding from the target column.")
    TaskOption task;

    @Option(names = "--layers", paramLabel = "N[,N…]", split = ",", defaultValue = "32",
            description = "Hidden layer sizes, first to last (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Activation of the hidden layers (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Loss to minimise (default: cross_entropy for classification, mse for regression).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "adam(lr=0.001)",
            description = "Optimizer with its parameters (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100",
            description = "Stop after N epochs at most (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "32",
            description = "Rows per step over the whole cluster (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--min-error", paramLabel = "E", defaultValue = "0",
            description = "Also stop once the training loss is at most E (default: ${DEFAULT-VALUE}, off).")
    double minError;

    @Option(names = "--l1", paramLabel = "λ", description = "L1 (lasso) penalty on the weights.")
    Double l1;

    @Option(names = "--l2", paramLabel = "λ", description = "L2 (ridge) penalty on the weights.")
    Double l2;

    @Option(names = "--scaling", paramLabel = "KIND", defaultValue = "standard",
            description = "Input scaling fitted on the training rows: standard, minmax or none (default:"
                    + " ${DEFAULT-VALUE}).")
    Scaling scaling;

    @Option(names = "--test", paramLabel = "FILE",
            description = "A CSV file to score the trained model on (prepared with the training data's classes and"
                    + " scaling).")
    String test;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed for the initial weights and the batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "MODEL", description = "Save the trained model to this file.")
    Path save;

    @Option(names = "--json", description = "End stdout with one JSON line of the scores and the run's costs.")
    boolean json;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master: local[N], spark://host:port, yarn, … (default: spark.master if set, else"
                    + " local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
            description = "Partitions to spread the rows over (default: Spark's default parallelism).")
    int partitions;

    @Option(names = "--average-every", paramLabel = "K", defaultValue = "0",
            description = "Parameter averaging every K local steps instead of synchronous steps (default:"
                    + " ${DEFAULT-VALUE}, synchronous).")
    int averageEvery;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. spark.ui.enabled=true.")
    Map<String, String> conf = new LinkedHashMap<>();

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the command with the given streams and returns the exit status (0 ok, 1 failure, 2 usage). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SparkTrain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("nn-spark: " + e.getMessage());
            line.getErr().flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plugins plugins = Plugins.load();
        // Resolve every name before starting Spark: a typo fails fast, with the names that exist.
        Activation hidden = plugins.activation(activation);
        plugins.optimizer(optimizer);
        String regularizer = regularizer();
        if (regularizer != null) {
            plugins.regularizer(regularizer);
        }
        if (loss != null) {
            plugins.loss(loss);
        }
        SparkSession.Builder session = SparkSession.builder().appName("sinapse nn-spark")
                .config("spark.ui.enabled", "false");
        String sparkMaster = master != null ? master : System.getProperty("spark.master", "local[*]");
        session.master(sparkMaster);
        if (sparkMaster.startsWith("local")) {
            // Driver and executors share this JVM: keep Spark's sockets on the loopback interface.
            session.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.forEach(session::config);
        // Inside a program that already runs Spark, train there and leave its session open.
        boolean running = SparkSession.getDefaultSession().isDefined();
        SparkSession spark = session.getOrCreate();
        try {
            return train(spark, plugins, hidden, regularizer, out, err);
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }

    private int train(SparkSession spark, Plugins plugins, Activation hidden, String regularizer, PrintWriter out,
                      PrintWriter err) throws Exception {
        int parts = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
        DistributedData.Builder builder = DistributedData.from(DistributedData.readCsv(spark, data))
                .drop(drop.toArray(String[]::new)).partitions(parts)
                .scaling(switch (scaling) {
                    case STANDARD -> DistributedData.Scaling.STANDARD;
                    case MINMAX -> DistributedData.Scaling.MIN_MAX;
                    case NONE -> DistributedData.Scaling.NONE;
                });
        if (target != null) {
            builder.target(target);
        }
        if (task != null) {
            builder.task(task == TaskOption.CLASSIFICATION ? Task.CLASSIFICATION : Task.REGRESSION);
        }
        DistributedData train = builder.build();
        boolean classification = train.task() == Task.CLASSIFICATION;
        out.println("Data: " + data + ", " + train.rows() + " rows in " + train.partitions() + " partitions on "
                + spark.sparkContext().master() + ", " + train.featureCount() + " features, target '"
                + train.targetName() + "'" + (classification ? " (classification, " + train.classes().size()
                + " classes: " + String.join(", ", train.classes()) + ")" : " (regression)"));

        DistributedData testData = null;
        if (test != null) {
            DistributedData.Builder held = DistributedData.from(DistributedData.readCsv(spark, test))
                    .target(train.targetName()).features(train.featureNames()).partitions(parts)
                    .scaling(DistributedData.Scaling.NONE).task(train.task());
            if (train.scaler() != null) {
                held.scaler(train.scaler());
            }
            if (classification) {
                held.classes(train.classes());
            } else {
                held.targetScaling(train.targetOffset(), train.targetScale());
            }
            testData = held.build();
        }

        Network.Builder network = Network.builder(train.featureCount()).plugins(plugins).seed(seed);
        for (int units : layers) {
            network.dense(units, hidden);
        }
        if (classification) {
            network.dense(train.targetCount(), "softmax");
        } else {
            network.dense(train.targetCount());
        }
        Network net = network.build();
        SparkTrainer.Builder trainerBuilder = SparkTrainer.builder().plugins(plugins)
                .loss(loss != null ? loss : classification ? "cross_entropy" : "mse").optimizer(optimizer)
                .epochs(epochs).batchSize(batchSize).minError(minError).seed(seed).averageEvery(averageEvery)
                .onEpoch(e -> err.printf(Locale.ROOT, "epoch %d/%d: loss %.6f%s (%.2f s)%n", e.number(), epochs,
                        e.loss(), Double.isNaN(e.accuracy()) ? "" : String.format(Locale.ROOT, ", accuracy %.4f",
                                e.accuracy()), e.seconds()));
        if (regularizer != null) {
            trainerBuilder.regularizer(regularizer);
        }
        SparkTrainer trainer = trainerBuilder.build();
        out.println(net.summary());
        out.println("Loss " + trainer.loss().spec() + ", optimizer " + trainer.optimizer().spec()
                + (regularizer == null ? "" : ", regularizer " + regularizer) + ", batch size " + batchSize
                + ", up to " + epochs + " epochs, " + (averageEvery > 0 ? "parameter averaging every " + averageEvery
                + " steps" : "synchronous"));
        out.flush();
        SparkTrainer.Result result = trainer.fit(net, train);
        var last = result.history().epochs().get(result.history().epochs().size() - 1);
        out.println("Stopped after " + result.history().epochs().size() + " epochs (" + result.history().stopReason()
                + ") in " + String.format(Locale.ROOT, "%.3f", result.seconds()) + " s; " + result.rounds()
                + " rounds of " + result.bytesBroadcastPerRound() + " bytes broadcast and "
                + result.bytesAggregatedPerRound() + " bytes aggregated; final training loss "
                + String.format(Locale.ROOT, "%.6f", last.loss()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("task", train.task().id());
        if (testData != null) {
            SparkTrainer.Evaluation scores = trainer.evaluate(net, testData);
            out.println("Test: " + scores.rows() + " rows, " + (classification
                    ? String.format(Locale.ROOT, "accuracy %.4f", scores.accuracy())
                    : String.format(Locale.ROOT, "loss %.6f (scaled target)", scores.loss())));
            line.put("rows", scores.rows());
            if (classification) {
                line.put("accuracy", scores.accuracy());
            }
            line.put("test_loss", scores.loss());
        } else if (classification) {
            line.put("train_accuracy", last.accuracy());
        }
        if (save != null) {
            Model model = SavedModel.of(net, train, trainer, result, Map.of("data", data));
            SavedModel.save(save, model);
            out.println("Model saved to " + save);
        }
        if (json) {
            line.put("epochs", result.history().epochs().size());
            line.put("seconds", result.seconds());
            line.put("final_loss", last.loss());
            line.put("stop_reason", result.history().stopReason());
            line.put("partitions", result.partitions());
            line.put("mode", result.mode());
            line.put("rounds", result.rounds());
            line.put("bytes_broadcast_per_round", result.bytesBroadcastPerRound());
            line.put("bytes_aggregated_per_round", result.bytesAggregatedPerRound());
            line.replaceAll((k, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v);
            out.println(new ObjectMapper().writeValueAsString(line));
        }
        out.flush();
        train.release();
        return 0;
    }

    private void checkOptions() {
        for (int units : layers) {
            if (units <= 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--layers': every hidden"
                        + " layer needs at least 1 neuron, got " + units);
            }
        }
        if (epochs <= 0 || batchSize <= 0 || averageEvery < 0 || partitions < 0 || minError < 0) {
            throw new ParameterException(spec.commandLine(), "--epochs and --batch-size must be at least 1;"
                    + " --average-every, --partitions and --min-error 0 or more");
        }
        for (Double lambda : new Double[]{l1, l2}) {
            if (lambda != null && !(lambda >= 0 && Double.isFinite(lambda))) {
                throw new ParameterException(spec.commandLine(), "A penalty λ must be 0 or more, got " + lambda);
            }
        }
    }

    /** {@code --l1} and {@code --l2} together are an elastic net, as in {@code nn train}. */
    private String regularizer() {
        double a = l1 == null ? 0 : l1;
        double b = l2 == null ? 0 : l2;
        if (l1 != null && l2 != null && a + b > 0) {
            return "elastic_net(lambda=" + (a + b) + ", l1_ratio=" + (a / (a + b)) + ")";
        }
        if (l1 != null) {
            return "l1(lambda=" + a + ")";
        }
        if (l2 != null) {
            return "l2(lambda=" + b + ")";
        }
        return null;
    }
}
