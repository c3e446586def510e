package io.sinapse.bench;

import io.sinapse.core.Kernels;
import io.sinapse.core.Matrices;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The three matrix products of training, on the Fashion-MNIST MLP's shapes (784-256-128-10, batch 128), scalar
 * reference against the Vector API kernels on one thread ({@code vector}) and shared by two ({@code vectorTwoThreads},
 * through {@code Kernels} with {@code Kernels.threads(2)}, as training uses them). GFLOP/s = 2·m·k·n / time; bench/gemm_compare.py turns the
 * JSON output into that and sets it beside numpy.
 *
 * <p>Shapes are {@code op_m×k×n} with the dimensions in each method's own argument order:
 * {@code AB} c[m×n] = a[m×k]·b[k×n]; {@code AtB} c[k×n] = a[m×k]ᵀ·b[m×n]; {@code ABt} c[m×k] = a[m×n]·b[k×n]ᵀ
 * (written {@code ABt_m×n×k}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class GemmBenchmark {

    @Param({"AB_128x784x256", "AB_128x256x128", "AtB_128x784x256", "AtB_128x256x128",
            "ABt_128x256x784", "ABt_128x128x256", "AB_128x128x10", "AtB_128x128x10", "ABt_128x10x128"})
    public String shape;

    private String op;
    private int d0;
    private int d1;
    private int d2;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp(BenchmarkParams params) {
        Kernels.threads(params.getBenchmark().endsWith("TwoThreads") ? 2 : 1);
        String[] parts = shape.split("_");
        op = parts[0];
        String[] dims = parts[1].split("x");
        d0 = Integer.parseInt(dims[0]);
        d1 = Integer.parseInt(dims[1]);
        d2 = Integer.parseInt(dims[2]);
        SplittableRandom random = new SplittableRandom(1);
        int aSize;
        int bSize;
        int cSize;
        switch (op) {
            case "AB" -> { aSize = d0 * d1; bSize = d1 * d2; cSize = d0 * d2; }
            case "AtB" -> { aSize = d0 * d1; bSize = d0 * d2; cSize = d1 * d2; }
            case "ABt" -> { aSize = d0 * d1; bSize = d2 * d1; cSize = d0 * d2; }
            default -> throw new IllegalArgumentException("Unknown product " + op);
        }
        a = fill(aSize, random);
        b = fill(bSize, random);
        c = new float[cSize];
    }

    private static float[] fill(int n, SplittableRandom random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Benchmark
    public float[] scalar() {
        switch (op) {
            case "AB" -> Matrices.multiply(a, b, c, d0, d1, d2);
            case "AtB" -> Matrices.multiplyTransposedLeft(a, b, c, d0, d1, d2);
            default -> Matrices.multiplyTransposedRight(a, b, c, d0, d1, d2);
        }
        return c;
    }

    @TearDown
    public void tearDown() {
        Kernels.threads(1);
    }

    @Benchmark
    public float[] vectorTwoThreads() {
        return product();
    }

    @Benchmark
    public float[] vector() {
        return product();
    }

    /** The product through {@code Kernels}: on one thread the Vector API kernels themselves, on two shared. */
    private float[] product() {
        switch (op) {
            case "AB" -> Kernels.multiply(a, b, c, d0, d1, d2);
            case "AtB" -> Kernels.multiplyTransposedLeft(a, b, c, d0, d1, d2);
            default -> Kernels.multiplyTransposedRight(a, b, c, d0, d1, d2);
        }
        return c;
    }
}
