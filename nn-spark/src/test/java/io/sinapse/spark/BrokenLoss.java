package io.sinapse.spark;

import io.sinapse.api.Loss;
import org.apache.spark.TaskContext;

/** A loss whose gradient fails in every Spark task, every attempt: a job that cannot succeed. */
public final class BrokenLoss implements Loss {

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public double value(float[] predicted, float[] target, int rows, int cols) {
        return 0;
    }

    @Override
    public void gradient(float[] predicted, float[] target, float[] grad, int rows, int cols) {
        if (TaskContext.get() != null) {
            throw new IllegalStateException("the disk under partition " + TaskContext.get().partitionId()
                    + " is gone");
        }
    }

    @Override
    public double value(double[] predicted, double[] target, int rows, int cols) {
        return 0;
    }

    @Override
    public void gradient(double[] predicted, double[] target, double[] grad, int rows, int cols) {
    }
}
