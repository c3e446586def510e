package io.sinapse.core;

/** What a listener may see and do while training runs. */
public interface TrainingControl {

    /** The network being trained (its weights may be read, saved or restored). */
    Network network();

    /** The epochs so far. */
    History history();

    /** The configured maximum number of epochs. */
    int maxEpochs();

    /** Stops training after the current epoch, recording {@code reason} in the history. */
    void stop(String reason);
}
