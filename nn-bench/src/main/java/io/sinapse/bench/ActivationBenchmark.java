package io.sinapse.bench;

import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Each built-in activation's forward and backward pass (float path) on the Fashion-MNIST MLP's first hidden layer:
 * a batch of 128 rows of 256 pre-activations, as {@code ActivationLayer} calls them in training.
 *
 * <pre>
 *   java -jar nn-bench/target/benchmarks.jar ActivationBenchmark            # add -prof gc for bytes per call
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {

    private static final int ROWS = 128;
    private static final int COLS = 256;

    @Param({"threshold", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"})
    public String activation;

    private Activation function;
    private float[] z;
    private float[] out;
    private float[] gradOut;
    private float[] gradIn;

    @Setup
    public void setUp() {
        function = Plugins.load().activation(activation);
        z = Inputs.uniform(ROWS * COLS, -3, 3, 1);
        gradOut = Inputs.uniform(ROWS * COLS, -1, 1, 2);
        out = new float[ROWS * COLS];
        gradIn = new float[ROWS * COLS];
        function.forward(z, out, ROWS, COLS);
    }

    @Benchmark
    public float[] forward() {
        function.forward(z, out, ROWS, COLS);
        return out;
    }

    @Benchmark
    public float[] backward() {
        function.backward(z, out, gradOut, gradIn, ROWS, COLS);
        return gradIn;
    }
}
