package io.sinapse.data;

/**
 * Input that cannot become a dataset: a malformed or truncated file, text where a number belongs, a missing
 * value, an unknown column. The message names the place (file, line and column, or IDX item) and the fix.
 *
 * <p>Unchecked, like {@link IllegalArgumentException}: bad data is the caller's input to correct, not something a
 * program recovers from half-way. Every loader reads and checks all its input before it returns, so when this is
 * thrown nothing was half-loaded. An underlying I/O failure (a file that cannot be opened) is kept as the cause.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
