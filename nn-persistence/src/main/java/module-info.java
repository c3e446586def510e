/**
 * Saving and loading whole models: architecture, weights, input scaling, class names, training settings and
 * history, in a documented, versioned and checksummed zip (see {@code docs/model-format.md}). Writes are atomic;
 * reads check everything and fail with one exception type, {@link io.sinapse.persistence.ModelFormatException}.
 * Activations, losses and optimizers named in a file are resolved through the SPI lookup, so plug-ins work here
 * exactly as in training.
 */
module io.sinapse.persistence {
    requires transitive io.sinapse.core;
    requires com.fasterxml.jackson.databind;

    exports io.sinapse.persistence;
}
