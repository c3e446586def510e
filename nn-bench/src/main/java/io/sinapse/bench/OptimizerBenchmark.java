package io.sinapse.bench;

import io.sinapse.api.Optimizer;
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
 * One step of each built-in optimizer on the Fashion-MNIST MLP's largest tensor, the first layer's 784 × 256 =
 * 200,704 weights, as the trainer calls it on one thread ({@code update} on the whole tensor). The step number
 * grows from call to call, as in training.
 *
 * <pre>
 *   java -jar nn-bench/target/benchmarks.jar OptimizerBenchmark             # add -prof gc for bytes per call
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OptimizerBenchmark {

    private static final int SIZE = 784 * 256;

    @Param({"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"})
    public String optimizer;

    private Optimizer rule;
    private float[] values;
    private float[] gradients;
    private float[] state;
    private long step;

    @Setup
    public void setUp() {
        rule = Plugins.load().optimizer(optimizer);
        values = Inputs.uniform(SIZE, -0.1, 0.1, 3);
        gradients = Inputs.uniform(SIZE, -0.01, 0.01, 4);
        state = new float[rule.stateSize(SIZE)];
    }

    @Benchmark
    public float[] update() {
        rule.update(values, gradients, state, SIZE, ++step, rule.learningRate());
        return values;
    }
}
