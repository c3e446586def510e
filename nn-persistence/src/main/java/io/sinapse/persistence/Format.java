package io.sinapse.persistence;

import java.time.LocalDateTime;

/** The constants of the model format, as {@code docs/model-format.md} documents them. */
final class Format {

    /** The manifest's entry name; also the first entry of every file, which is what identifies one. */
    static final String MANIFEST = "model.json";
    /** The value of the manifest's {@code format} field. */
    static final String ID = "sinapse-model";
    /** Bumped whenever a reader of the previous version could misread a new file. */
    static final int VERSION = 1;
    /** Where tensor entries live inside the zip. */
    static final String TENSOR_FOLDER = "tensors/";
    static final String TENSOR_SUFFIX = ".f32";

    /** A manifest beyond this is not one we wrote; refusing it bounds memory for forged files. */
    static final int MAX_MANIFEST_BYTES = 16 << 20;
    /**
     * The most optimizer steps accepted, summed over a checkpoint's tensors: a sanity bound that refuses forged
     * counts; a 6-tensor network may have 1.6·10⁸ steps, 2,700 epochs of Fashion-MNIST one example at a time.
     */
    static final long MAX_TOTAL_STEPS = 1_000_000_000L;

    /** A fixed time for every entry, so saving the same model twice gives the same bytes. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Format() {
    }
}
