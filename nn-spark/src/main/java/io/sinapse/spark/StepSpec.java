package io.sinapse.spark;

import java.io.Serializable;

/**
 * What every task of a training run needs besides the weights: the network's shape and the specs of the loss,
 * optimizer and regularizer, which each executor resolves by name through its own plug-in lookup.
 */
record StepSpec(NetworkShape shape, String loss, String optimizer, String regularizer, boolean classification)
        implements Serializable {

    /** The key under which an executor thread keeps its network and buffers for this run's settings. */
    String key() {
        return shape.key() + '#' + loss + '#' + optimizer + '#' + regularizer;
    }
}
