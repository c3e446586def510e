package io.sinapse.bench;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.core.Kernels;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One full training step of the Fashion-MNIST MLP (784-256-128-10, relu, softmax cross-entropy, Adam lr 0.001,
 * batch 128) as {@code Trainer} takes it: forward to the logits, the loss's value and gradient, backward, and Adam
 * on the six tensors. The batch is seeded random pixels (half of them 0, as in the images), so no data files are
 * needed. With {@code threads=2} the products are shared with a helper ({@code Kernels.threads(2)}); the trainer
 * also shares the update and the next batch's gather, which {@code nn bench fmnist} measures.
 *
 * <pre>
 *   java -jar nn-bench/target/benchmarks.jar TrainingStepBenchmark -prof gc    # gc.alloc.rate.norm: bytes per step
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xmn16m"})
public class TrainingStepBenchmark {

    private static final int BATCH = 128;

    @Param({"1", "2"})
    public int threads;

    private Network network;
    private List<Tensor> tensors;
    private Loss loss;
    private Optimizer adam;
    private int end;
    private float[] x;
    private float[] y;
    private float[] grad;

    @Setup(Level.Trial)
    public void setUp() {
        Kernels.threads(threads);
        Plugins plugins = Plugins.load();
        network = Network.builder(784).plugins(plugins).seed(42)
                .dense(256, "relu").dense(128, "relu").dense(10, "softmax").build();
        tensors = network.parameters();
        loss = plugins.loss("cross_entropy");
        adam = plugins.optimizer("adam(lr=0.001)");
        end = network.layersBeforeLoss(loss);
        x = Inputs.uniform(BATCH * 784, -1, 1, 5);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, x[i]);
        }
        y = new float[BATCH * 10];
        for (int r = 0; r < BATCH; r++) {
            y[r * 10 + r % 10] = 1f;
        }
        grad = new float[BATCH * 10];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Kernels.threads(1);
    }

    @Benchmark
    public double step() {
        float[] logits = network.forward(x, BATCH, end, true);
        double value = loss.valueAndGradient(logits, y, grad, BATCH, 10);
        network.backward(grad, BATCH, end);
        for (Tensor tensor : tensors) {
            adam.update(tensor.value(), tensor.gradient(), tensor.optimizerState(adam.stateSize(tensor.size())),
                    tensor.size(), tensor.nextStep(), adam.learningRate());
        }
        return value;
    }
}
