package io.sinapse.persistence;

import java.io.IOException;

/**
 * A model file cannot be turned into a model: it is not a Sinapse model, it is damaged or truncated, it was
 * written by a newer format version, it disagrees with itself, or it names an activation, loss or optimizer no
 * plug-in provides. The message names the file and what is wrong; loading never returns a partly built model.
 *
 * <p>Plain {@link IOException}s other than this one mean the file could not be read at all (missing, no
 * permission, disk error).
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
