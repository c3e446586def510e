package io.sinapse.app;

/** The command line asks for something that cannot be done as written; {@code nn} exits with status 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
