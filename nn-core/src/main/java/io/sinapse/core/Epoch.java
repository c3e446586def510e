package io.sinapse.core;

/**
 * What one epoch of training measured. Values not measured (no validation set, no classification targets) are NaN.
 *
 * @param number             1 for the first epoch
 * @param loss               mean training loss over the epoch's batches, plus the weight penalty
 * @param validationLoss     loss on the validation set after the epoch
 * @param accuracy           training-set accuracy measured during the epoch's batches (classification only)
 * @param validationAccuracy accuracy on the validation set after the epoch
 * @param learningRate       the learning rate used in this epoch
 * @param seconds            wall time of the epoch
 */
public record Epoch(int number, double loss, double validationLoss, double accuracy, double validationAccuracy,
                    double learningRate, double seconds) {
}
