package io.sinapse.core;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link Network} by gradient descent, stopping on the course's criteria: a maximum number of epochs,
 * or a training error at or below a minimum. The batch size chooses the flavour: 1 is stochastic gradient
 * descent (update after every example), the whole dataset is batch gradient descent, anything between is
 * mini-batch.
 *
 * <p>Each step: draw a batch (shuffled with the seed), propagate it forward, measure the loss, retro-propagate
 * its gradient, add the regularizer's gradient to the weights' gradients, and let the optimizer update every
 * tensor.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().loss("mse").optimizer("sgd(lr=0.5)").epochs(2000).batchSize(4).build();
 * History history = trainer.fit(network, data);
 * }</pre>
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Loss loss;
    private final Optimizer optimizer;
    private final Regularizer regularizer;
    private final int maxEpochs;
    private final int batchSize;
    private final double minError;
    private final boolean shuffle;
    private final long seed;
    private final Dataset validation;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        this.loss = b.loss != null ? b.loss : b.lookup().loss("mse");
        this.optimizer = b.optimizer != null ? b.optimizer : b.lookup().optimizer("sgd");
        this.regularizer = b.regularizer;
        this.maxEpochs = b.maxEpochs;
        this.batchSize = b.batchSize;
        this.minError = b.minError;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.validation = b.validation;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Trains {@code network} on {@code data} until a stopping criterion holds; returns the per-epoch history. */
    public History fit(Network network, Dataset data) {
        checkShapes(network, data, "training");
        if (validation != null) {
            checkShapes(network, validation, "validation");
        }
        int rows = data.rows();
        int batch = Math.min(batchSize, rows);
        int inputs = data.featureCount();
        int outputs = data.targetCount();
        int end = Evaluator.lossInputLayerCount(network, loss);
        boolean classification = isClassification(data);
        Evaluator validator = validation == null ? null : new Evaluator(network, loss);

        float[] x = new float[batch * inputs];
        float[] y = new float[batch * outputs];
        float[] grad = new float[batch * outputs];
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> tensors = network.parameters();
        History history = new History();
        Control control = new Control(network, history);
        listeners.forEach(l -> l.onTrainingStart(control));
        int batches = (rows + batch - 1) / batch;
        LOG.info("Training {} on {} examples: loss {}, optimizer {}, batch size {}, up to {} epochs",
                network.summary().replace('\n', ' '), rows, loss.spec(), optimizer.spec(), batch, maxEpochs);

        for (int epoch = 1; epoch <= maxEpochs && control.stopReason == null; epoch++) {
            long started = System.nanoTime();
            if (shuffle) {
                shuffle(order, random);
            }
            double lossSum = 0;
            int correct = 0;
            for (int b = 0, start = 0; start < rows; b++, start += batch) {
                int count = Math.min(batch, rows - start);
                data.gather(order, start, count, x, y);
                float[] out = network.forward(x, count, end, true);
                double batchLoss = loss.value(out, y, count, outputs);
                if (!Double.isFinite(batchLoss)) {
                    throw new IllegalStateException("The loss became " + batchLoss + " in epoch " + epoch
                            + ", batch " + (b + 1) + ": the learning rate (" + optimizer.learningRate()
                            + ") is probably too high, or the inputs are not scaled.");
                }
                lossSum += batchLoss * count;
                if (classification) {
                    correct += Accuracy.correct(out, y, count, outputs);
                }
                loss.gradient(out, y, grad, count, outputs);
                network.backward(grad, count, end);
                step(tensors, optimizer.learningRate());
                for (TrainingListener listener : listeners) {
                    listener.onBatchEnd(epoch, b + 1, batches, batchLoss);
                }
            }
            double trainLoss = lossSum / rows + penalty(tensors);
            double validationLoss = Double.NaN;
            double validationAccuracy = Double.NaN;
            if (validator != null) {
                Evaluator.Result result = validator.evaluate(validation);
                validationLoss = result.loss() + penalty(tensors);
                validationAccuracy = classification ? result.accuracy() : Double.NaN;
            }
            Epoch record = new Epoch(epoch, trainLoss, validationLoss,
                    classification ? (double) correct / rows : Double.NaN, validationAccuracy,
                    optimizer.learningRate(), (System.nanoTime() - started) / 1e9);
            history.add(record);
            LOG.debug("{}", record);
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(record, control);
            }
            if (control.stopReason == null && trainLoss <= minError) {
                control.stop("reached the minimum error " + minError + " (loss " + trainLoss + ") in epoch " + epoch);
            }
        }
        history.stopReason(control.stopReason != null ? control.stopReason
                : "reached the maximum of " + maxEpochs + " epochs");
        LOG.info("Stopped after {} epochs: {}; final loss {}", history.size(), history.stopReason(),
                history.last() == null ? Double.NaN : history.last().loss());
        listeners.forEach(l -> l.onTrainingEnd(history));
        return history;
    }

    /** The loss of {@code network} on {@code data} (plus the weight penalty), as training measures it. */
    public double evaluate(Network network, Dataset data) {
        checkShapes(network, data, "evaluation");
        return new Evaluator(network, loss).evaluate(data).loss() + penalty(network.parameters());
    }

    private void step(List<Tensor> tensors, double learningRate) {
        for (Tensor tensor : tensors) {
            if (regularizer != null && tensor.regularized()) {
                regularizer.addGradient(tensor.value(), tensor.gradient(), tensor.size());
            }
            float[] state = tensor.optimizerState(optimizer.stateSize(tensor.size()));
            optimizer.update(tensor.value(), tensor.gradient(), state, tensor.size(), tensor.nextStep(), learningRate);
        }
    }

    private double penalty(List<Tensor> tensors) {
        if (regularizer == null) {
            return 0;
        }
        double sum = 0;
        for (Tensor tensor : tensors) {
            if (tensor.regularized()) {
                sum += regularizer.penalty(tensor.value(), tensor.size());
            }
        }
        return sum;
    }

    /** Fisher–Yates with the trainer's seeded generator: the same seed, the same batches. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Classification when every target is 0 or 1 (one-hot rows, or a single 0/1 column). */
    private static boolean isClassification(Dataset data) {
        for (float t : data.targets()) {
            if (t != 0f && t != 1f) {
                return false;
            }
        }
        return true;
    }

    private static void checkShapes(Network network, Dataset data, String what) {
        if (data.featureCount() != network.inputSize()) {
            throw new IllegalArgumentException("The " + what + " data has " + data.featureCount()
                    + " feature columns but the network takes " + network.inputSize() + " inputs");
        }
        if (data.targetCount() != network.outputSize()) {
            throw new IllegalArgumentException("The " + what + " data has " + data.targetCount()
                    + " target columns but the network has " + network.outputSize() + " outputs");
        }
    }

    private final class Control implements TrainingControl {
        private final Network network;
        private final History history;
        private String stopReason;

        Control(Network network, History history) {
            this.network = network;
            this.history = history;
        }

        @Override
        public Network network() {
            return network;
        }

        @Override
        public History history() {
            return history;
        }

        @Override
        public int maxEpochs() {
            return maxEpochs;
        }

        @Override
        public void stop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
    }

    /** Settings with the course's defaults: mse, sgd, 100 epochs, batch size 32, no minimum error. */
    public static final class Builder {
        private Plugins plugins;
        private Loss loss;
        private Optimizer optimizer;
        private Regularizer regularizer;
        private int maxEpochs = 100;
        private int batchSize = 32;
        private double minError = 0;
        private boolean shuffle = true;
        private long seed = 42;
        private Dataset validation;
        private final List<TrainingListener> listeners = new ArrayList<>();

        /** The lookup that resolves names; {@link Plugins#load()} unless set. */
        public Builder plugins(Plugins plugins) {
            this.plugins = plugins;
            return this;
        }

        public Builder loss(String spec) {
            return loss(lookup().loss(spec));
        }

        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        public Builder optimizer(String spec) {
            return optimizer(lookup().optimizer(spec));
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** A penalty on the weights (not the biases), e.g. "l2(lambda=0.001)". */
        public Builder regularizer(String spec) {
            return regularizer(lookup().regularizer(spec));
        }

        public Builder regularizer(Regularizer regularizer) {
            this.regularizer = regularizer;
            return this;
        }

        /** Stopping criterion: the maximum number of epochs (passes over the training data). */
        public Builder epochs(int maxEpochs) {
            if (maxEpochs <= 0) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + maxEpochs);
            }
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** Examples per update: 1 = stochastic, the dataset size (or more) = batch, between = mini-batch. */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Stopping criterion: stop once an epoch's training loss is at or below {@code minError}. */
        public Builder minError(double minError) {
            if (!(minError >= 0)) {
                throw new IllegalArgumentException("minimum error must be zero or more, got " + minError);
            }
            this.minError = minError;
            return this;
        }

        /** Whether to visit the examples in a new seeded random order each epoch (default yes). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Data held out from training, measured after every epoch. */
        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }

        private Plugins lookup() {
            if (plugins == null) {
                plugins = Plugins.load();
            }
            return plugins;
        }
    }
}
