package io.sinapse.core;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Regularizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Trains a {@link Network} by gradient descent, stopping on the course's criteria: a maximum number of epochs,
 * or a training error at or below a minimum. The batch size chooses the flavour: 1 is stochastic gradient
 * descent (update after every example), the whole dataset is batch gradient descent, anything between is
 * mini-batch.
 *
 * <p>Each step: draw a batch (shuffled with the seed), propagate it forward, measure the loss, retro-propagate
 * its gradient, add the regularizer's gradient to the weights' gradients, clip the gradients if asked (by global
 * norm, then by value), let the optimizer update every tensor at the epoch's learning rate, and rescale any
 * weight column longer than the max-norm constraint.
 *
 * <p>Against overfitting: a {@link Builder#regularizer regularizer} (L1, L2, elastic net), dropout layers
 * ({@link Network.Builder#dropout}), {@link EarlyStopping} as a listener, a {@link Builder#maxNorm max-norm}
 * constraint, and a validation set ({@link Builder#validation} or {@link Builder#validationSplit}) to see it
 * happen. Learning-rate {@link LearningRateSchedule schedules} and gradient clipping control the steps.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().loss("mse").optimizer("sgd(lr=0.5)").epochs(2000).batchSize(4).build();
 * History history = trainer.fit(network, data);
 * }</pre>
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** Keeps the validation split's shuffle apart from the batches' shuffle, which uses the seed as it is. */
    private static final long SPLIT_SALT = 0x9E3779B97F4A7C15L;

    /** Loss, optimizer, regularizer, epochs, batch size, minimum error, shuffle and seed. */
    private final TrainingSettings.Chosen settings;
    private final Dataset validation;
    private final double validationSplit;
    private final LearningRateSchedule schedule;
    private final double clipNorm;
    private final double clipValue;
    private final double maxNorm;
    private final int initialEpoch;
    private final List<Epoch> epochsDone;
    private final List<TrainingListener> listeners;
    /** Makes the {@link ThreadChoice} of each {@link #fit} with helper threads (tests give their own). */
    private Supplier<ThreadChoice> threadChoices = ThreadChoice::new;

    private Trainer(Builder b) {
        this.settings = b.chosen();
        this.validation = b.validation;
        this.validationSplit = b.validationSplit;
        this.schedule = b.schedule;
        this.clipNorm = b.clipNorm;
        this.clipValue = b.clipValue;
        this.maxNorm = b.maxNorm;
        this.initialEpoch = b.initialEpoch;
        this.epochsDone = b.epochsDone;
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

    /** The learning-rate schedule; {@link LearningRateSchedule#constant()} unless one was set. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Trains {@code network} on {@code data} until a stopping criterion holds; returns the per-epoch history. With
     * a {@link Builder#validationSplit validation split}, the held-out rows are taken from {@code data} first.
     */
    public History fit(Network network, Dataset data) {
        checkShapes(network, data, "training");
        if (initialEpoch >= settings.maxEpochs()) {
            String done = epochsDone.isEmpty()
                    ? "initialEpoch(" + initialEpoch + ") says that many epochs are done already"
                    : "the " + initialEpoch + " epochs given to resumeAfter are done already";
            throw new IllegalArgumentException("Nothing to train: " + done + ", and epochs(" + settings.maxEpochs()
                    + ") stops at epoch " + settings.maxEpochs() + "; raise epochs to train further");
        }
        Dataset validation = this.validation;
        if (validationSplit > 0) {
            Dataset[] parts = split(data, validationSplit, settings.seed());
            data = parts[0];
            validation = parts[1];
        }
        if (validation != null) {
            checkShapes(network, validation, "validation");
        }
        int rows = data.rows();
        int batch = Math.min(settings.batchSize(), rows);
        int inputs = data.featureCount();
        int outputs = data.targetCount();
        int end = network.layersBeforeLoss(settings.loss());
        boolean classification = isClassification(data);
        Evaluator validator = validation == null ? null : new Evaluator(network, settings.loss());

        float[] x = new float[batch * inputs];
        float[] y = new float[batch * outputs];
        float[] grad = new float[batch * outputs];
        ProductThreads pool = Kernels.pool();
        // With helper threads, the update is shared out in parts, one of which gathers the next batch into the second
        // pair of buffers; the numbers are the same either way.
        Step step = new Step(tensors(network), pool == null ? 0 : batch * inputs, pool == null ? 0 : batch * outputs);
        // With helper threads, each step shares its work or runs alone, as the choice finds faster (same numbers).
        ThreadChoice choice = pool == null ? null : threadChoices.get();
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        // Resuming: the epochs already done shuffled the order and drew dropout masks; replay the one, skip the other.
        for (int epoch = 1; epoch <= initialEpoch && settings.shuffle(); epoch++) {
            shuffle(order, random);
        }
        for (Layer layer : network.layers()) {
            if (layer instanceof Dropout dropout) {
                dropout.skipEpochs(initialEpoch, rows);
            }
        }
        List<Tensor> tensors = network.parameters();
        History history = new History();
        Control control = new Control(network, history);
        listeners.forEach(l -> l.onTrainingStart(control));
        // A schedule that reads the history, and the listeners, see the epochs a resumed run did before the new
        // ones (resumeAfter).
        History seen = history;
        if (!epochsDone.isEmpty()) {
            seen = new History();
            epochsDone.forEach(seen::add);
            listeners.forEach(l -> l.onResume(epochsDone, control));
        }
        int batches = (rows + batch - 1) / batch;
        LOG.info("Training {} on {} examples: loss {}, optimizer {}, schedule {}, batch size {}, epochs {} to {}",
                network.summary().replace('\n', ' '), rows, settings.loss().spec(), settings.optimizer().spec(),
                schedule, batch, initialEpoch + 1, settings.maxEpochs());

        for (int epoch = initialEpoch + 1; epoch <= settings.maxEpochs() && control.stopReason == null; epoch++) {
            long started = System.nanoTime();
            double rate = schedule.rate(epoch, settings.optimizer().learningRate(), seen);
            if (!(rate >= 0) || !Double.isFinite(rate)) {
                throw new IllegalStateException("The learning-rate schedule " + schedule + " gave " + rate
                        + " for epoch " + epoch + "; a learning rate must be a finite number >= 0");
            }
            if (settings.shuffle()) {
                shuffle(order, random);
            }
            double lossSum = 0;
            int correct = 0;
            boolean gathered = false;
            for (int b = 0, start = 0; start < rows; b++, start += batch) {
                int count = Math.min(batch, rows - start);
                long stepStarted = System.nanoTime();
                boolean alone = choice != null && choice.alone();
                Kernels.alone(alone);
                double batchLoss;
                try {
                    if (!gathered) {
                        data.gather(order, start, count, x, y);
                    }
                    float[] out = network.forward(x, count, end, true);
                    batchLoss = settings.loss().valueAndGradient(out, y, grad, count, outputs);
                    if (!Double.isFinite(batchLoss)) {
                        throw new IllegalStateException("The loss became " + batchLoss + " in epoch " + epoch
                                + ", batch " + (b + 1) + ": the learning rate (" + rate
                                + ") is probably too high, or the inputs are not scaled.");
                    }
                    lossSum += batchLoss * count;
                    if (classification) {
                        correct += Accuracy.correct(out, y, count, outputs);
                    }
                    network.backward(grad, count, end);
                    int next = start + batch;
                    gathered = step.prefetch != null && next < rows;
                    if (gathered) {
                        step.gatherNext(data, order, next, Math.min(batch, rows - next));
                    }
                    step(step, alone ? null : pool, rate);
                } finally {
                    Kernels.alone(false);
                }
                if (choice != null && count == batch) {
                    choice.record(System.nanoTime() - stepStarted);
                }
                if (gathered) {
                    float[] t = x;
                    x = step.prefetch;
                    step.prefetch = t;
                    t = y;
                    y = step.prefetchTargets;
                    step.prefetchTargets = t;
                }
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
                    rate, (System.nanoTime() - started) / 1e9);
            history.add(record);
            if (seen != history) {
                seen.add(record);
            }
            LOG.debug("{}", record);
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(record, control);
            }
            if (control.stopReason == null && trainLoss <= settings.minError()) {
                control.stop("reached the minimum error " + settings.minError() + " (loss " + trainLoss
                        + ") in epoch " + epoch);
            }
        }
        history.stopReason(control.stopReason != null ? control.stopReason
                : "reached the maximum of " + settings.maxEpochs() + " epochs");
        LOG.info("Stopped after {} epochs: {}; final loss {}", history.size(), history.stopReason(),
                history.last() == null ? Double.NaN : history.last().loss());
        listeners.forEach(l -> l.onTrainingEnd(history));
        return history;
    }

    /** For tests: the {@link ThreadChoice} each {@link #fit} with helper threads takes. */
    Trainer threadChoices(Supplier<ThreadChoice> choices) {
        this.threadChoices = choices;
        return this;
    }

    /** The loss of {@code network} on {@code data} (plus the weight penalty), as training measures it. */
    public double evaluate(Network network, Dataset data) {
        checkShapes(network, data, "evaluation");
        return new Evaluator(network, settings.loss()).evaluate(data).loss() + penalty(network.parameters());
    }

    /**
     * The update after a backward pass: regularizer gradients and clipping over all tensors first, then the optimizer
     * update, in parts any thread may do ({@link Step}), then max-norm rescaling. Each value is updated by one thread
     * in the same way whoever takes its part, so the results are the same for any number of threads.
     */
    private void step(Step step, ProductThreads pool, double learningRate) {
        Tensor[] tensors = step.tensors;
        if (settings.regularizer() != null) {
            for (Tensor tensor : tensors) {
                if (tensor.regularized()) {
                    settings.regularizer().addGradient(tensor.value(), tensor.gradient(), tensor.size());
                }
            }
        }
        if (clipNorm > 0) {
            Constraints.clipByGlobalNorm(step.tensorList, clipNorm);
        }
        if (clipValue > 0) {
            Constraints.clipByValue(step.tensorList, clipValue);
        }
        step.prepare(learningRate);
        if (pool == null || !pool.run(step, step.parts)) {
            for (int part = 0; part < step.parts; part++) {
                step.run(part);
            }
        }
        if (maxNorm > 0) {
            for (Tensor tensor : tensors) {
                if (tensor.regularized()) {
                    Constraints.maxNorm(tensor, maxNorm);
                }
            }
        }
    }

    private static Tensor[] tensors(Network network) {
        return network.parameters().toArray(new Tensor[0]);
    }

    /**
     * A step's update cut into parts that any thread may do, in any order: part 0 gathers the next batch into the
     * second pair of buffers (when {@link #gatherNext} asked for it), each other part updates one tensor, or up to
     * {@value #PART} of its values when the optimizer {@linkplain Optimizer#updatesInParts() updates in parts}, so
     * the large first layer is shared too. One per {@link #fit}, reused for every step; allocates nothing.
     */
    private final class Step implements ProductThreads.Parts {
        /** Values per part of a tensor: 64 KB of weights, a few microseconds of Adam. */
        private static final int PART = 16_384;

        final Tensor[] tensors;
        final List<Tensor> tensorList;
        final int parts;
        private final boolean inParts;
        /** Part p (from 1) updates values partFrom[p] … partTo[p]-1 of tensors[partTensor[p]]. */
        private final int[] partTensor;
        private final int[] partFrom;
        private final int[] partTo;
        private final float[][] states;
        private final long[] steps;
        private final Optimizer optimizer;
        private double learningRate;
        float[] prefetch;
        float[] prefetchTargets;
        private Dataset data;
        private int[] order;
        private int nextStart;
        private int nextCount;

        Step(Tensor[] tensors, int prefetchSize, int prefetchTargetSize) {
            this.tensors = tensors;
            this.tensorList = List.of(tensors);
            this.optimizer = settings.optimizer();
            this.inParts = optimizer.updatesInParts();
            int count = 1;
            for (Tensor tensor : tensors) {
                count += pieces(tensor.size());
            }
            this.parts = count;
            this.partTensor = new int[count];
            this.partFrom = new int[count];
            this.partTo = new int[count];
            int part = 1;
            for (int t = 0; t < tensors.length; t++) {
                int size = tensors[t].size();
                for (int piece = 0; piece < pieces(size); piece++, part++) {
                    partTensor[part] = t;
                    partFrom[part] = inParts ? piece * PART : 0;
                    partTo[part] = inParts ? Math.min(size, (piece + 1) * PART) : size;
                }
            }
            this.states = new float[tensors.length][];
            this.steps = new long[tensors.length];
            this.prefetch = prefetchSize == 0 ? null : new float[prefetchSize];
            this.prefetchTargets = prefetchSize == 0 ? null : new float[prefetchTargetSize];
        }

        /** The parts a tensor of {@code size} values is updated in: whole, or {@value #PART} values at a time. */
        private int pieces(int size) {
            return inParts ? Math.max(1, (size + PART - 1) / PART) : 1;
        }

        /** Asks this step to also gather rows {@code order[start …]} into {@link #prefetch}. */
        void gatherNext(Dataset data, int[] order, int start, int count) {
            this.data = data;
            this.order = order;
            this.nextStart = start;
            this.nextCount = count;
        }

        /** Counts the step on every tensor and fetches its state, before the parts run. */
        void prepare(double rate) {
            learningRate = rate;
            for (int t = 0; t < tensors.length; t++) {
                Tensor tensor = tensors[t];
                states[t] = tensor.optimizerState(optimizer.stateSize(tensor.size()));
                steps[t] = tensor.nextStep();
            }
        }

        @Override
        public void run(int part) {
            if (part == 0) {
                if (data != null) {
                    data.gather(order, nextStart, nextCount, prefetch, prefetchTargets);
                    data = null;
                }
                return;
            }
            int t = partTensor[part];
            Tensor tensor = tensors[t];
            if (inParts) {
                optimizer.updatePart(tensor.value(), tensor.gradient(), states[t], tensor.size(), partFrom[part],
                        partTo[part], steps[t], learningRate);
            } else {
                optimizer.update(tensor.value(), tensor.gradient(), states[t], tensor.size(), steps[t], learningRate);
            }
        }
    }

    /**
     * Splits {@code data} into training and validation parts: a seeded shuffle of the rows, the last
     * {@code round(fraction · rows)} of which are held out. Returns {training, validation}.
     */
    static Dataset[] split(Dataset data, double fraction, long seed) {
        int rows = data.rows();
        int held = (int) Math.round(fraction * rows);
        if (held < 1 || held >= rows) {
            throw new IllegalArgumentException("A validation split of " + fraction + " of " + rows + " rows holds out "
                    + held + " rows; it must leave at least one row for training and one for validation");
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        shuffle(order, new SplittableRandom(seed ^ SPLIT_SALT));
        int kept = rows - held;
        int[] train = java.util.Arrays.copyOfRange(order, 0, kept);
        int[] validation = java.util.Arrays.copyOfRange(order, kept, rows);
        java.util.Arrays.sort(train);
        java.util.Arrays.sort(validation);
        return new Dataset[]{data.select(train), data.select(validation)};
    }

    private double penalty(List<Tensor> tensors) {
        return penalty(settings.regularizer(), tensors);
    }

    /**
     * The penalty {@code regularizer} adds to the loss for {@code tensors}, counting only those it applies to
     * (weights, not biases); 0 without a regularizer. What the trainer adds to the loss it reports.
     */
    public static double penalty(Regularizer regularizer, List<Tensor> tensors) {
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

    /**
     * Fisher–Yates with the trainer's seeded generator: the order in which the trainer visits the rows, so another
     * trainer (the Spark one) or a profile drawing with the same generator gets the same batches.
     */
    public static void shuffle(int[] order, SplittableRandom random) {
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
            return settings.maxEpochs();
        }

        @Override
        public void stop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
    }

    /**
     * Settings with the course's defaults (mse, sgd, 100 epochs, batch size 32, no minimum error; see
     * {@link TrainingSettings}), plus validation, schedule, clipping, max-norm and listeners.
     */
    public static final class Builder extends TrainingSettings<Builder> {
        private Dataset validation;
        private double validationSplit;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private double clipNorm;
        private double clipValue;
        private double maxNorm;
        private int initialEpoch;
        private List<Epoch> epochsDone = List.of();
        private final List<TrainingListener> listeners = new ArrayList<>();

        @Override
        protected Builder self() {
            return this;
        }

        /** Data held out from training, measured after every epoch. */
        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        /**
         * Holds out a seeded random {@code fraction} of the training data (in (0, 1)) as the validation set, the
         * same rows for the same seed; training uses the rest. Instead of, not together with, {@link #validation}.
         */
        public Builder validationSplit(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("validation split is the fraction of the training data held out and"
                        + " must be between 0 and 1 (exclusive), got " + fraction);
            }
            this.validationSplit = fraction;
            return this;
        }

        /**
         * Resumes a run: {@code epochsDone} epochs are already done (Keras's {@code initial_epoch}), so training runs
         * epochs {@code epochsDone + 1} to {@link #epochs}, numbered so. Those epochs visit the examples in the
         * order, and draw the dropout masks, that they have in one uninterrupted run with the same data and
         * settings: with a network restored from a checkpoint (weights and optimizer state), the
         * resumed run ends with the same weights, bit for bit. 0 (the default) starts afresh.
         */
        public Builder initialEpoch(int epochsDone) {
            if (epochsDone < 0) {
                throw new IllegalArgumentException("initialEpoch is the number of epochs already done and must be"
                        + " at least 0, got " + epochsDone);
            }
            this.initialEpoch = epochsDone;
            return this;
        }

        /**
         * Resumes a run after {@code epochsDone}, the history of the epochs already done (a checkpoint's, say):
         * {@link #initialEpoch initialEpoch(epochsDone.size())}, and a learning-rate schedule that reads the history
         * ({@code reduce_on_plateau}) sees those epochs before the new ones, as in one uninterrupted run; the
         * listeners get them too ({@link TrainingListener#onResume}: {@link EarlyStopping} goes on from their best).
         * They must be numbered 1, 2, 3, … in order.
         */
        public Builder resumeAfter(List<Epoch> epochsDone) {
            if (epochsDone == null) {
                throw new IllegalArgumentException("resumeAfter needs the epochs already done (an empty list to start"
                        + " afresh), got null");
            }
            for (int i = 0; i < epochsDone.size(); i++) {
                if (epochsDone.get(i).number() != i + 1) {
                    throw new IllegalArgumentException("resumeAfter: the epochs done must be numbered 1 to "
                            + epochsDone.size() + " in order, but entry " + (i + 1) + " is epoch "
                            + epochsDone.get(i).number());
                }
            }
            this.epochsDone = List.copyOf(epochsDone);
            this.initialEpoch = epochsDone.size();
            return this;
        }

        /** How the learning rate changes per epoch, e.g. {@code LearningRateSchedule.stepDecay(0.5, 10)}. */
        public Builder schedule(LearningRateSchedule schedule) {
            if (schedule == null) {
                throw new IllegalArgumentException("schedule must not be null; use LearningRateSchedule.constant()");
            }
            this.schedule = schedule;
            return this;
        }

        /**
         * Gradient clipping by norm: when the L2 norm of all gradients together (every tensor, as one vector)
         * exceeds {@code maxNorm}, they are all scaled by {@code maxNorm / norm}, keeping their direction.
         */
        public Builder clipGradientNorm(double maxNorm) {
            this.clipNorm = positive(maxNorm, "gradient clipping by norm", "the largest norm the gradient may have");
            return this;
        }

        /** Gradient clipping by value: every gradient value is clamped to {@code [−maxValue, maxValue]}. */
        public Builder clipGradientValue(double maxValue) {
            this.clipValue = positive(maxValue, "gradient clipping by value", "the largest size of a gradient value");
            return this;
        }

        /**
         * Max-norm constraint: after each update, the weights into each neuron (a column of a dense layer's weight
         * matrix) whose L2 norm exceeds {@code maxNorm} are scaled back to norm {@code maxNorm}. Biases are left
         * alone. Often paired with dropout (Srivastava et al. 2014 use 3 or 4).
         */
        public Builder maxNorm(double maxNorm) {
            this.maxNorm = positive(maxNorm, "max-norm", "the largest norm of each neuron's incoming weights");
            return this;
        }

        private static double positive(double value, String what, String meaning) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(what + ": " + meaning + " must be a number > 0, got " + value);
            }
            return value;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        public Trainer build() {
            if (!epochsDone.isEmpty() && initialEpoch != epochsDone.size()) {
                throw new IllegalArgumentException("resumeAfter gave " + epochsDone.size() + " epochs done and"
                        + " initialEpoch(" + initialEpoch + ") another count: give one of them");
            }
            if (validation != null && validationSplit > 0) {
                throw new IllegalArgumentException("Both a validation set and a validation split were given: use"
                        + " .validation(data) for a set of your own or .validationSplit(fraction) to hold out part of"
                        + " the training data, not both");
            }
            return new Trainer(this);
        }
    }
}
