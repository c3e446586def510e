package io.sinapse.core;

import java.util.List;

/**
 * Hears about training as it happens: progress bars, early stopping, charts. All methods do nothing by default.
 */
public interface TrainingListener {

    /** Called once before the first epoch. */
    default void onTrainingStart(TrainingControl control) {
    }

    /**
     * Called once after {@link #onTrainingStart} when the run resumes after epochs already done
     * ({@link Trainer.Builder#resumeAfter}), with their records, numbered from 1.
     */
    default void onResume(List<Epoch> epochsDone, TrainingControl control) {
    }

    /** Called after every epoch with what it measured; may ask the trainer to stop. */
    default void onEpochEnd(Epoch epoch, TrainingControl control) {
    }

    /** Called after each mini-batch step; {@code batch} counts from 1 within the epoch. */
    default void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
    }

    /** Called once when training ends, for whatever reason. */
    default void onTrainingEnd(History history) {
    }
}
