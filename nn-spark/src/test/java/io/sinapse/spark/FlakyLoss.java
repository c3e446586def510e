package io.sinapse.spark;

import io.sinapse.api.Loss;
import io.sinapse.api.Plugins;
import org.apache.spark.TaskContext;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cross-entropy that, once armed, makes the first Spark task attempt to reach it fail, as a lost executor or a
 * flaky disk would. Spark retries the task (attempt 1), which then computes normally. Found by name
 * ({@code flaky_cross_entropy}) through the test class path's service file.
 */
public final class FlakyLoss implements Loss {

    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicInteger FAILURES = new AtomicInteger();

    private volatile Loss delegate;

    /** Looked up on first use: the lookup creates this provider, so the constructor must not call it. */
    private Loss delegate() {
        if (delegate == null) {
            delegate = Plugins.load().loss("cross_entropy");
        }
        return delegate;
    }

    @Override
    public String name() {
        return "flaky_cross_entropy";
    }

    @Override
    public Optional<String> fusedActivation() {
        return Optional.of("softmax");
    }

    @Override
    public double value(float[] predicted, float[] target, int rows, int cols) {
        return delegate().value(predicted, target, rows, cols);
    }

    @Override
    public void gradient(float[] predicted, float[] target, float[] grad, int rows, int cols) {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0 && ARMED.compareAndSet(true, false)) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure in stage " + task.stageId() + ", partition "
                    + task.partitionId());
        }
        delegate().gradient(predicted, target, grad, rows, cols);
    }

    @Override
    public double value(double[] predicted, double[] target, int rows, int cols) {
        return delegate().value(predicted, target, rows, cols);
    }

    @Override
    public void gradient(double[] predicted, double[] target, double[] grad, int rows, int cols) {
        delegate().gradient(predicted, target, grad, rows, cols);
    }
}
