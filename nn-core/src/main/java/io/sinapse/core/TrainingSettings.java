package io.sinapse.core;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;

/**
 * What every trainer is told, with the course's defaults: the loss (mse), the optimizer (sgd), a regularizer
 * (none), the stopping criteria (at most 100 epochs, no minimum error), the batch size (32), whether to shuffle
 * (yes) and the seed (42). {@link Trainer.Builder} and the Spark trainer's builder extend it, so both check and
 * default these the same way; each adds its own settings.
 *
 * @param <B> the builder itself, so the setters chain
 */
public abstract class TrainingSettings<B extends TrainingSettings<B>> {

    private Plugins plugins;
    private Loss loss;
    private Optimizer optimizer;
    private Regularizer regularizer;
    private int maxEpochs = 100;
    private int batchSize = 32;
    private double minError;
    private boolean shuffle = true;
    private long seed = 42;

    /** The settings above once chosen, the defaults filled in. */
    public record Chosen(Loss loss, Optimizer optimizer, Regularizer regularizer, int maxEpochs, int batchSize,
                         double minError, boolean shuffle, long seed) {
    }

    protected TrainingSettings() {
    }

    /** This builder, typed as itself. */
    protected abstract B self();

    /** The lookup that resolves names; {@link Plugins#load()} unless set. */
    public B plugins(Plugins plugins) {
        this.plugins = plugins;
        return self();
    }

    public B loss(String spec) {
        return loss(lookup().loss(spec));
    }

    public B loss(Loss loss) {
        this.loss = loss;
        return self();
    }

    public B optimizer(String spec) {
        return optimizer(lookup().optimizer(spec));
    }

    public B optimizer(Optimizer optimizer) {
        this.optimizer = optimizer;
        return self();
    }

    /** A penalty on the weights (not the biases), e.g. "l2(lambda=0.001)". */
    public B regularizer(String spec) {
        return regularizer(lookup().regularizer(spec));
    }

    public B regularizer(Regularizer regularizer) {
        this.regularizer = regularizer;
        return self();
    }

    /** Stopping criterion: the maximum number of epochs (passes over the training data). */
    public B epochs(int maxEpochs) {
        if (maxEpochs <= 0) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + maxEpochs);
        }
        this.maxEpochs = maxEpochs;
        return self();
    }

    /** Examples per update: 1 = stochastic, the dataset size (or more) = batch, between = mini-batch. */
    public B batchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return self();
    }

    /** Stopping criterion: stop once an epoch's training loss is at or below {@code minError}. */
    public B minError(double minError) {
        if (!(minError >= 0)) {
            throw new IllegalArgumentException("minimum error must be zero or more, got " + minError);
        }
        this.minError = minError;
        return self();
    }

    /** Whether to visit the examples in a new seeded random order each epoch (default yes). */
    public B shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return self();
    }

    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** The settings as chosen so far, the loss and optimizer looked up by their default names if none was set. */
    protected Chosen chosen() {
        return new Chosen(loss != null ? loss : lookup().loss("mse"),
                optimizer != null ? optimizer : lookup().optimizer("sgd"),
                regularizer, maxEpochs, batchSize, minError, shuffle, seed);
    }

    private Plugins lookup() {
        if (plugins == null) {
            plugins = Plugins.load();
        }
        return plugins;
    }
}
