package io.sinapse.playground;

/**
 * A request the server refuses: the HTTP status to answer with and the message the page shows. The server turns
 * it into {@code {"error": message}}.
 */
final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allow;

    HttpError(int status, String message) {
        this(status, message, null);
    }

    private HttpError(int status, String message, String allow) {
        super(message);
        this.status = status;
        this.allow = allow;
    }

    int status() {
        return status;
    }

    /** For a 405, the method the path takes (the Allow header); null otherwise. */
    String allow() {
        return allow;
    }

    /** 405: the path exists, but not for this method. */
    static HttpError methodNotAllowed(String method, String allowed) {
        return new HttpError(405, method + " is not allowed here; use " + allowed + ".", allowed);
    }

    /** 400: the settings or the body are wrong; the message says which and what is allowed. */
    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    /** 409: the request is fine, but not in the run's present state (pause when nothing trains). */
    static HttpError conflict(String message) {
        return new HttpError(409, message);
    }
}
