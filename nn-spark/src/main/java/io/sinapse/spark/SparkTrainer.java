package io.sinapse.spark;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Regularizer;
import io.sinapse.core.Epoch;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;
import io.sinapse.core.Trainer;
import io.sinapse.core.TrainingSettings;
import io.sinapse.persistence.Task;
import io.sinapse.persistence.TrainingHistory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a {@link Network} on {@link DistributedData} with Spark, data-parallel, in one of two modes.
 *
 * <p><b>Synchronous</b> (the default): each step is the single-machine mini-batch step. The batches are those of
 * {@link io.sinapse.core.Trainer}: the row ids shuffled once per epoch by the same seeded Fisher–Yates, cut into
 * consecutive batches. For each batch the driver broadcasts the weights; every partition runs the ordinary
 * {@code Network.forward}/{@code backward} on its rows of the batch, its gradient weighted by its share of the
 * batch's rows; {@code treeAggregate} sums the gradients; the driver adds the regularizer's gradient and lets the
 * optimizer update the weights. The result equals single-machine training up to the order of float additions.
 *
 * <p><b>Parameter averaging</b> every {@code k} steps ({@link Builder#averageEvery}): for each run of {@code k}
 * batches the driver broadcasts the weights and the optimizer's state; every partition takes {@code k} local
 * optimizer steps, one per batch on its rows of it; the driver averages the weights and state, weighted by rows.
 * A {@code k}-th of the rounds, so less communication, but an approximation: with {@code k = 1} and plain SGD it is
 * the synchronous step again.
 *
 * <p>Retried tasks are harmless: a task is a pure function of its cached block, the broadcast weights and the
 * batch's row ids, and Spark keeps exactly one result per partition.
 *
 * <pre>{@code
 * SparkTrainer trainer = SparkTrainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)")
 *         .epochs(10).batchSize(128).seed(42).build();
 * SparkTrainer.Result result = trainer.fit(network, data);
 * }</pre>
 */
public final class SparkTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    /** Loss, optimizer, regularizer, epochs, batch size, minimum error, shuffle and seed. */
    private final TrainingSettings.Chosen settings;
    private final int averageEvery;
    private final int depth;
    private final DistributedData validation;
    private final List<Consumer<Epoch>> listeners;

    private SparkTrainer(Builder b, TrainingSettings.Chosen chosen) {
        this.settings = chosen;
        this.averageEvery = b.averageEvery;
        this.depth = b.depth;
        this.validation = b.validation;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Loss loss() {
        return settings.loss();
    }

    public Optimizer optimizer() {
        return settings.optimizer();
    }

    public Regularizer regularizer() {
        return settings.regularizer();
    }

    /** What a run did: the per-epoch history and what it cost in rounds, bytes and time. */
    public record Result(TrainingHistory history, String mode, int partitions, long steps, long rounds,
                         int weights, long bytesBroadcastPerRound, long bytesAggregatedPerRound, double seconds) {

        /** Seconds per epoch, on average. */
        public double secondsPerEpoch() {
            return history.epochs().isEmpty() ? Double.NaN : seconds / history.epochs().size();
        }
    }

    /** A network's mean loss and accuracy on distributed data, in inference mode. */
    public record Evaluation(long rows, double loss, double accuracy) {
    }

    /**
     * Trains {@code network} in place on {@code data} until a stopping criterion holds (the maximum number of
     * epochs, or the minimum error). A failed Spark job ends training with a {@link SparkTrainingException}.
     */
    public Result fit(Network network, DistributedData data) {
        checkShapes(network, data, "training");
        if (validation != null) {
            checkShapes(network, validation, "validation");
        }
        NetworkShape shape = NetworkShape.of(network);
        Regularizer regularizer = settings.regularizer();
        StepSpec spec = new StepSpec(shape, settings.loss().spec(), settings.optimizer().spec(),
                regularizer == null ? null : regularizer.spec(), data.task() == Task.CLASSIFICATION);
        JavaRDD<Block> blocks = data.blocks();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(blocks.context());
        int rows = Math.toIntExact(data.rows());
        int batch = Math.min(settings.batchSize(), rows);
        int batches = (rows + batch - 1) / batch;
        int weights = FlatWeights.count(network);
        int stateValues = averageEvery > 0 ? FlatWeights.stateCount(network, settings.optimizer()) : 0;
        int partitions = data.partitions();
        List<Tensor> tensors = network.parameters();
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<Epoch> epochs = new ArrayList<>();
        String stopReason = null;
        long steps = 0;
        long rounds = 0;
        String mode = averageEvery > 0 ? "parameter averaging every " + averageEvery + " steps" : "synchronous";
        LOG.info("Training {} on {} rows in {} partitions ({}): loss {}, optimizer {}, batch size {}, up to {} epochs",
                network.summary().replace('\n', ' '), rows, partitions, mode, settings.loss().spec(),
                settings.optimizer().spec(), batch, settings.maxEpochs());
        long started = System.nanoTime();
        double rate = settings.optimizer().learningRate();
        boolean classification = data.task() == Task.CLASSIFICATION;
        for (int epoch = 1; epoch <= settings.maxEpochs() && stopReason == null; epoch++) {
            long epochStarted = System.nanoTime();
            if (settings.shuffle()) {
                Trainer.shuffle(order, random);
            }
            double lossSum = 0;
            long correct = 0;
            int stride = averageEvery > 0 ? averageEvery : 1;
            for (int first = 0; first < batches; first += stride) {
                int last = Math.min(batches, first + stride);
                long[][] round = new long[last - first][];
                int roundRows = 0;
                for (int b = first; b < last; b++) {
                    int start = b * batch;
                    int count = Math.min(batch, rows - start);
                    round[b - first] = new long[count];
                    for (int i = 0; i < count; i++) {
                        round[b - first][i] = order[start + i];
                    }
                    roundRows += count;
                }
                Partial total;
                try {
                    total = averageEvery > 0
                            ? averageRound(context, blocks, spec, network, round, roundRows, tensors)
                            : gradientRound(context, blocks, spec, network, round[0], depth);
                } catch (Exception e) {
                    if (e instanceof SparkTrainingException failure) {
                        throw failure;
                    }
                    throw new SparkTrainingException("Distributed training failed in epoch " + epoch + ", batch "
                            + (first + 1) + " of " + batches + " (Spark gave up after its task retries): "
                            + rootMessage(e) + ". The network keeps the weights of the last completed step;"
                            + " nothing was saved.", e);
                }
                if (total.rows != roundRows) {
                    throw new SparkTrainingException("The partitions covered " + total.rows + " of the "
                            + roundRows + " rows of epoch " + epoch + ", batch " + (first + 1) + ": the input"
                            + " changed between jobs. Use a deterministic input (no unseeded sampling).");
                }
                if (!Double.isFinite(total.lossSum)) {
                    throw new SparkTrainingException("The loss became " + total.lossSum / roundRows + " in epoch "
                            + epoch + ", batch " + (first + 1) + ": the learning rate (" + rate + ") is probably too"
                            + " high, or the inputs are not scaled.");
                }
                lossSum += total.lossSum;
                correct += total.correct;
                float[] vector = total.floats();
                if (averageEvery > 0) {
                    long stepsBefore = tensors.get(0).steps();
                    float[] values = java.util.Arrays.copyOfRange(vector, 0, weights);
                    float[] state = java.util.Arrays.copyOfRange(vector, weights, weights + stateValues);
                    FlatWeights.setValues(network, values);
                    FlatWeights.setStates(network, settings.optimizer(), state, stepsBefore + round.length);
                } else {
                    FlatWeights.setGradients(network, vector);
                    step(tensors, rate);
                }
                steps += round.length;
                rounds++;
            }
            double trainLoss = lossSum / rows + penalty(tensors);
            double validationLoss = Double.NaN;
            double validationAccuracy = Double.NaN;
            if (validation != null) {
                Evaluation result = evaluate(network, validation);
                validationLoss = result.loss() + penalty(tensors);
                validationAccuracy = classification ? result.accuracy() : Double.NaN;
            }
            Epoch record = new Epoch(epoch, trainLoss, validationLoss,
                    classification ? (double) correct / rows : Double.NaN, validationAccuracy, rate,
                    (System.nanoTime() - epochStarted) / 1e9);
            epochs.add(record);
            LOG.debug("{}", record);
            listeners.forEach(l -> l.accept(record));
            if (trainLoss <= settings.minError()) {
                stopReason = "reached the minimum error " + settings.minError() + " (loss " + trainLoss
                        + ") in epoch " + epoch;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        stopReason = stopReason != null ? stopReason : "reached the maximum of " + settings.maxEpochs() + " epochs";
        long broadcastBytes = 4L * (weights + stateValues);
        long aggregatedBytes = 4L * (weights + stateValues) * partitions;
        return new Result(new TrainingHistory(epochs, stopReason), mode, partitions, steps, rounds, weights,
                broadcastBytes, aggregatedBytes, seconds);
    }

    /** One synchronous step's gradient: the partitions' weighted gradients summed by {@code treeAggregate}. */
    private static Partial gradientRound(JavaSparkContext context, JavaRDD<Block> blocks, StepSpec spec,
                                         Network network, long[] batch, int depth) {
        Broadcast<float[]> weights = context.broadcast(FlatWeights.values(network));
        int batchRows = batch.length;
        try {
            return blocks.map(block -> Worker.of(spec).gradient(block, batch, batchRows, weights.value()))
                    .treeAggregate(Partial.EMPTY, Partial::merge, Partial::merge, depth);
        } finally {
            weights.destroy();
        }
    }

    /** One parameter-averaging round: local steps on every partition, then the row-weighted sum of the results. */
    private Partial averageRound(JavaSparkContext context, JavaRDD<Block> blocks, StepSpec spec, Network network,
                                 long[][] round, int roundRows, List<Tensor> tensors) {
        Broadcast<float[][]> state = context.broadcast(new float[][]{
                FlatWeights.values(network), FlatWeights.states(network, settings.optimizer())});
        long stepsBefore = tensors.get(0).steps();
        int treeDepth = depth;
        try {
            return blocks.map(block -> Worker.of(spec).localSteps(block, round, roundRows, state.value()[0],
                            state.value()[1], stepsBefore))
                    .treeAggregate(Partial.EMPTY, Partial::merge, Partial::merge, treeDepth);
        } finally {
            state.destroy();
        }
    }

    /** The mean loss and the accuracy of {@code network} on {@code data}, computed where the data lives. */
    public Evaluation evaluate(Network network, DistributedData data) {
        checkShapes(network, data, "evaluation");
        StepSpec spec = new StepSpec(NetworkShape.of(network), settings.loss().spec(), settings.optimizer().spec(),
                null, data.task() == Task.CLASSIFICATION);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(data.blocks().context());
        Broadcast<float[]> weights = context.broadcast(FlatWeights.values(network));
        try {
            Partial total = data.blocks().map(block -> Worker.of(spec).evaluate(block, weights.value()))
                    .treeAggregate(Partial.EMPTY, Partial::merge, Partial::merge, depth);
            return new Evaluation(total.rows, total.lossSum / total.rows, (double) total.correct / total.rows);
        } finally {
            weights.destroy();
        }
    }

    /** As {@code Trainer}: regularizer gradient on the weights, then the optimizer's update of every tensor. */
    private void step(List<Tensor> tensors, double learningRate) {
        if (settings.regularizer() != null) {
            for (Tensor tensor : tensors) {
                if (tensor.regularized()) {
                    settings.regularizer().addGradient(tensor.value(), tensor.gradient(), tensor.size());
                }
            }
        }
        for (Tensor tensor : tensors) {
            Optimizer optimizer = settings.optimizer();
            float[] state = tensor.optimizerState(optimizer.stateSize(tensor.size()));
            optimizer.update(tensor.value(), tensor.gradient(), state, tensor.size(), tensor.nextStep(), learningRate);
        }
    }

    private double penalty(List<Tensor> tensors) {
        return Trainer.penalty(settings.regularizer(), tensors);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static void checkShapes(Network network, DistributedData data, String what) {
        if (data.featureCount() != network.inputSize()) {
            throw new IllegalArgumentException("The " + what + " data has " + data.featureCount()
                    + " feature columns but the network takes " + network.inputSize() + " inputs");
        }
        if (data.targetCount() != network.outputSize()) {
            throw new IllegalArgumentException("The " + what + " data has " + data.targetCount()
                    + " target columns but the network has " + network.outputSize() + " outputs");
        }
    }

    /**
     * Settings with {@code Trainer}'s defaults ({@link TrainingSettings}: mse, sgd, 100 epochs, batch size 32,
     * seed 42), synchronous. The batch size is the global mini-batch, rows per step over the whole cluster, as on one
     * machine; the plug-in lookup resolves names on the driver (executors use their own).
     */
    public static final class Builder extends TrainingSettings<Builder> {
        private int averageEvery;
        private int depth = 2;
        private DistributedData validation;
        private final List<Consumer<Epoch>> listeners = new ArrayList<>();

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Parameter averaging: every partition takes {@code steps} local steps between two averagings, instead of
         * one synchronous step per round. 0 (the default) is synchronous training.
         */
        public Builder averageEvery(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("averageEvery must be 0 (synchronous) or a number of local steps,"
                        + " got " + steps);
            }
            this.averageEvery = steps;
            return this;
        }

        /** The depth of {@code treeAggregate} (default 2: partial sums on executors once there are many partitions). */
        public Builder aggregationDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("aggregation depth must be at least 1, got " + depth);
            }
            this.depth = depth;
            return this;
        }

        /** Data held out from training, measured after every epoch. */
        public Builder validation(DistributedData validation) {
            this.validation = validation;
            return this;
        }

        /** Called on the driver after every epoch, e.g. to print progress. */
        public Builder onEpoch(Consumer<Epoch> listener) {
            listeners.add(listener);
            return this;
        }

        public SparkTrainer build() {
            return new SparkTrainer(this, chosen());
        }
    }
}
