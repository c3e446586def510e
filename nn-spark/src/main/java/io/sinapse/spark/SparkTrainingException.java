package io.sinapse.spark;

/**
 * Distributed training stopped: a Spark job failed after Spark's own retries, or the loss became infinite.
 * The network keeps the weights of the last completed step; nothing has been saved.
 */
public final class SparkTrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SparkTrainingException(String message, Throwable cause) {
        super(message, cause);
    }

    public SparkTrainingException(String message) {
        super(message);
    }
}
