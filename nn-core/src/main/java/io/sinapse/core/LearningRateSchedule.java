package io.sinapse.core;

/**
 * How the learning rate changes from epoch to epoch. The trainer asks before every epoch and hands the answer to
 * the optimizer for each of that epoch's updates; it also records it in {@link Epoch#learningRate()}.
 *
 * <p>Below, {@code η₀} is the base rate (the optimizer's {@code lr}) and {@code e} the epoch, counted from 1.
 *
 * <pre>{@code
 * Trainer.builder().optimizer("sgd(lr=0.1)").schedule(LearningRateSchedule.stepDecay(0.5, 10))
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * The learning rate for epoch {@code epoch} (1 for the first).
     *
     * @param baseRate the optimizer's configured rate η₀
     * @param history  the epochs finished so far ({@code epoch − 1} of them), for schedules that react to them
     */
    double rate(int epoch, double baseRate, History history);

    /** η₀ in every epoch: what the trainer does without a schedule. */
    static LearningRateSchedule constant() {
        return new NamedSchedule("constant", (epoch, base, history) -> base);
    }

    /**
     * Step decay: {@code η₀ · factor^⌊(e − 1) / every⌋}, so epochs 1 … every use η₀, the next {@code every}
     * epochs η₀·factor, and so on (torch's {@code StepLR(step_size=every, gamma=factor)}).
     */
    static LearningRateSchedule stepDecay(double factor, int every) {
        checkFactor(factor, "step decay");
        if (every < 1) {
            throw new IllegalArgumentException("step decay: the rate changes every 'every' epochs, which must be"
                    + " at least 1, got " + every);
        }
        return new NamedSchedule("step_decay(factor=" + factor + ", every=" + every + ")",
                (epoch, base, history) -> base * Math.pow(factor, (epoch - 1) / every));
    }

    /** Exponential decay: {@code η₀ · γ^(e − 1)} (torch's {@code ExponentialLR(gamma)}), γ in (0, 1]. */
    static LearningRateSchedule exponential(double gamma) {
        checkFactor(gamma, "exponential decay");
        return new NamedSchedule("exponential(gamma=" + gamma + ")",
                (epoch, base, history) -> base * Math.pow(gamma, epoch - 1));
    }

    /**
     * Cosine annealing from η₀ down to {@code minRate} over {@code epochs} epochs:
     * {@code minRate + (η₀ − minRate) · (1 + cos(π · t / epochs)) / 2} with {@code t = min(e − 1, epochs)}, so epoch
     * 1 uses η₀ and every epoch from {@code epochs + 1} on uses {@code minRate} (torch's
     * {@code CosineAnnealingLR(T_max=epochs, eta_min=minRate)} for its first half-period).
     */
    static LearningRateSchedule cosine(int epochs, double minRate) {
        if (epochs < 1) {
            throw new IllegalArgumentException("cosine: the annealing period must be at least 1 epoch, got " + epochs);
        }
        if (!(minRate >= 0) || !Double.isFinite(minRate)) {
            throw new IllegalArgumentException("cosine: the minimum rate must be a number >= 0, got " + minRate);
        }
        return new NamedSchedule("cosine(epochs=" + epochs + ", min_rate=" + minRate + ")", (epoch, base, history) -> {
            int t = Math.min(epoch - 1, epochs);
            return minRate + (base - minRate) * (1 + Math.cos(Math.PI * t / epochs)) / 2;
        });
    }

    /**
     * Reduce on plateau (Keras' {@code ReduceLROnPlateau}): watches the validation loss (the training loss when
     * there is no validation set). An epoch improves on the best so far when its loss is below
     * {@code best − minDelta}; after {@code patience} epochs in a row without improvement the rate is multiplied by
     * {@code factor} (never below {@code minRate}) and the count starts again. The rate is replayed from the history,
     * so the schedule keeps no state and one instance serves any number of runs.
     */
    static LearningRateSchedule reduceOnPlateau(double factor, int patience, double minDelta, double minRate) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("reduce on plateau: factor must be in (0, 1), got " + factor);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("reduce on plateau: patience must be at least 1 epoch, got " + patience);
        }
        if (!(minDelta >= 0) || !(minRate >= 0)) {
            throw new IllegalArgumentException("reduce on plateau: minDelta and minRate must be >= 0, got "
                    + minDelta + " and " + minRate);
        }
        return new NamedSchedule("reduce_on_plateau(factor=" + factor + ", patience=" + patience + ", min_delta=" + minDelta
                + ", min_rate=" + minRate + ")", (epoch, base, history) -> {
            double rate = base;
            double best = Double.POSITIVE_INFINITY;
            int wait = 0;
            for (Epoch past : history.epochs()) {
                double value = Double.isNaN(past.validationLoss()) ? past.loss() : past.validationLoss();
                if (value < best - minDelta) {
                    best = value;
                    wait = 0;
                } else if (++wait >= patience) {
                    rate = Math.max(rate * factor, minRate);
                    wait = 0;
                }
            }
            return rate;
        });
    }

    private static void checkFactor(double factor, String what) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException(what + ": the factor multiplies the rate and must be in (0, 1], got "
                    + factor);
        }
    }
}

/** A schedule with a readable {@code toString}, for logs. */
record NamedSchedule(String description, LearningRateSchedule formula) implements LearningRateSchedule {
    @Override
    public double rate(int epoch, double baseRate, History history) {
        return formula.rate(epoch, baseRate, history);
    }

    @Override
    public String toString() {
        return description;
    }
}
