package io.sinapse.bench;

import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.core.Accuracy;
import io.sinapse.core.Dataset;
import io.sinapse.core.Kernels;
import io.sinapse.core.Layer;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;
import io.sinapse.core.Trainer;
import io.sinapse.data.FashionMnist;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where a training step of the Fashion-MNIST MLP (784-256-128-10, relu, softmax cross-entropy, Adam, batch 128)
 * spends its time: the steps of {@code Trainer.fit} done one by one, each phase timed in CPU time of the training
 * thread (so time the operating system gives to other processes does not count), and the bytes the thread
 * allocates per step. Not a JMH benchmark: a profile to decide what to optimise next.
 *
 * <pre>
 *   mvn -B -q -pl nn-bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar io.sinapse.bench.TrainingStepProfile [epochs [threads]]
 * </pre>
 *
 * With threads &gt; 1 the CPU time of the helper threads is not in the phases; the wall time per epoch is printed too.
 */
public final class TrainingStepProfile {

    private static final String[] PHASES = {"gather batch", "dense 1 forward", "relu 1 forward", "dense 2 forward",
        "relu 2 forward", "dense 3 forward", "loss value and gradient", "accuracy", "dense 3 backward",
        "relu 2 backward", "dense 2 backward", "relu 1 backward", "dense 1 backward", "adam (6 tensors)"};

    private TrainingStepProfile() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Kernels.threads(threads);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Dataset data = FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY)
                ? FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, 60_000, 1).train().dataset()
                : randomData(60_000);
        Plugins plugins = Plugins.load();
        Network network = Network.builder(784).plugins(plugins).seed(42)
                .dense(256, "relu").dense(128, "relu").dense(10, "softmax").build();
        Loss loss = plugins.loss("cross_entropy");
        Optimizer adam = plugins.optimizer("adam(lr=0.001)");
        List<Layer> layers = network.layers();
        List<Tensor> tensors = network.parameters();
        int end = layers.size() - 1; // cross-entropy absorbs the softmax, as in Trainer
        int rows = data.rows();
        int batch = 128;
        float[] x = new float[batch * 784];
        float[] y = new float[batch * 10];
        float[] grad = new float[batch * 10];
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        long[] nanos = new long[PHASES.length];
        System.out.printf(Locale.ROOT, "%d threads, kernels %s%n", Kernels.threads(),
                Kernels.kind());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Trainer.shuffle(order, random);
            Arrays.fill(nanos, 0);
            long wall = System.nanoTime();
            long cpu = bean.getCurrentThreadCpuTime();
            long allocated = bean.getCurrentThreadAllocatedBytes();
            int steps = 0;
            for (int start = 0; start < rows; start += batch, steps++) {
                int count = Math.min(batch, rows - start);
                long t = bean.getCurrentThreadCpuTime();
                data.gather(order, start, count, x, y);
                t = lap(bean, nanos, 0, t);
                float[] signal = x;
                for (int i = 0; i < end; i++) {
                    signal = layers.get(i).forward(signal, count, true);
                    t = lap(bean, nanos, 1 + i, t);
                }
                loss.valueAndGradient(signal, y, grad, count, 10);
                t = lap(bean, nanos, 6, t);
                Accuracy.correct(signal, y, count, 10);
                t = lap(bean, nanos, 7, t);
                float[] g = grad;
                for (int i = end - 1; i >= 0; i--) {
                    g = layers.get(i).backward(g, count, i > 0);
                    t = lap(bean, nanos, 8 + (end - 1 - i), t);
                }
                for (int i = 0; i < tensors.size(); i++) {
                    Tensor tensor = tensors.get(i);
                    adam.update(tensor.value(), tensor.gradient(), tensor.optimizerState(adam.stateSize(tensor.size())),
                            tensor.size(), tensor.nextStep(), adam.learningRate());
                }
                lap(bean, nanos, 13, t);
            }
            System.out.printf(Locale.ROOT, "epoch %d: %.3f s wall, %.3f s CPU of the training thread, %d bytes"
                            + " allocated per step%n", epoch, (System.nanoTime() - wall) / 1e9,
                    (bean.getCurrentThreadCpuTime() - cpu) / 1e9,
                    (bean.getCurrentThreadAllocatedBytes() - allocated) / steps);
            if (epoch == epochs) {
                long total = Arrays.stream(nanos).sum();
                for (int p = 0; p < PHASES.length; p++) {
                    System.out.printf(Locale.ROOT, "  %-24s %7.1f µs/step  %5.1f%%%n", PHASES[p],
                            nanos[p] / 1e3 / steps, 100.0 * nanos[p] / total);
                }
                System.out.printf(Locale.ROOT, "  %-24s %7.1f µs/step%n", "total", total / 1e3 / steps);
            }
        }
    }

    private static long lap(com.sun.management.ThreadMXBean bean, long[] nanos, int phase, long since) {
        long now = bean.getCurrentThreadCpuTime();
        nanos[phase] += now - since;
        return now;
    }

    private static Dataset randomData(int rows) {
        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[rows * 784];
        float[] y = new float[rows * 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextBoolean() ? 0f : (float) random.nextDouble();
        }
        for (int r = 0; r < rows; r++) {
            y[r * 10 + random.nextInt(10)] = 1f;
        }
        return new Dataset(x, 784, y, 10);
    }
}
