package io.sinapse.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Sharing the products between threads must not change a single bit: each element is computed whole by one thread
 * in the kernels' one summation order. Checked on shapes split by columns, by rows (ten columns) and too small to
 * split, and on a whole training run.
 */
class ProductThreadsTest {

    @AfterEach
    void backToOneThread() {
        Kernels.threads(1);
    }

    private static float[] random(int n, SplittableRandom random) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}×{1}×{2}")
    @CsvSource({"128,784,256", "128,256,128", "128,128,10", "1,784,256", "2,784,256", "96,784,256", "37,1025,19",
            "200,300,70", "9,33,31", "1000,50,64", "300,70,10", "2048,784,256", "1,784,250", "3,1000,70",
            "1,100,64", "37,1025,190", "301,700,10", "129,1000,70", "5,2000,300", "3,600,300", "1,1024,130"})
    void everyProductIsBitIdenticalForOneTwoAndThreeThreads(int m, int k, int n) {
        Assumptions.assumeTrue(productsAreShared(), "threads share only the Vector API products");
        SplittableRandom random = new SplittableRandom(7L * m + 3L * k + n);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        float[] at = random(m * k, random);   // aᵀ·bm: at is m×k, bm is m×n
        float[] bm = random(m * n, random);
        float[] w = random(n * k, random);    // a·wᵀ: a is m×k, w is n×k
        float[][] one = products(1, a, b, at, bm, w, m, k, n);
        for (int threads = 2; threads <= 3; threads++) {
            float[][] shared = products(threads, a, b, at, bm, w, m, k, n);
            for (int p = 0; p < one.length; p++) {
                assertArrayEquals(bits(one[p]), bits(shared[p]), "product " + p + " of " + m + "×" + k + "×" + n
                        + " on " + threads + " threads differs from one thread");
            }
        }
    }

    /**
     * One row shared by columns, each thread skipping the zero inputs it finds: the same bits as the reference
     * order, whatever the zeros (none, half, a whole half, all). Repeated, so the threads meet in different orders.
     */
    @ParameterizedTest(name = "1×{0}×{1}, zeros: {2}")
    @CsvSource({"784,256,half", "784,256,none", "784,256,first half", "784,256,second half", "784,256,all",
            "785,512,half", "1025,130,half", "2,65536,half", "1,131072,none", "513,300,first half"})
    void oneSparseRowSharedByColumnsKeepsItsBits(int k, int n, String zeros) {
        Assumptions.assumeTrue(productsAreShared(), "threads share only the Vector API products");
        SplittableRandom random = new SplittableRandom(13L * k + n);
        float[] b = random(k * n, random);
        for (int repeat = 0; repeat < 20; repeat++) {
            float[] a = random(k, random);
            for (int p = 0; p < k; p++) {
                boolean zero = switch (zeros) {
                    case "half" -> random.nextBoolean();
                    case "first half" -> p < k / 2;
                    case "second half" -> p >= k / 2;
                    case "all" -> true;
                    default -> false;
                };
                if (zero) {
                    a[p] = random.nextBoolean() ? 0f : -0f;
                }
            }
            float[] expected = new float[n];
            VectorKernels.referenceMultiply(a, b, expected, 1, k, n);
            for (int threads = 2; threads <= 3; threads++) {
                Kernels.threads(threads);
                float[] actual = random(n, random);
                Kernels.multiply(a, b, actual, 1, k, n);
                assertArrayEquals(bits(expected), bits(actual), "repeat " + repeat + " on " + threads + " threads");
            }
        }
    }

    @Test
    void aSkippingTransposedLeftProductGivesTheReferenceBitsOnOneAndTwoThreads() {
        int m = 128, k = 784, n = 256;
        SplittableRandom random = new SplittableRandom(21);
        float[] a = VectorKernelsTest.imageLike(m, k, random);
        float[] b = random(m * n, random);
        float[] expected = new float[k * n];
        if (productsAreShared()) {
            VectorKernels.referenceMultiplyTransposedLeft(a, b, expected, m, k, n);
        } else {
            Matrices.multiplyTransposedLeft(a, b, expected, m, k, n);
        }
        assertBitsOnThreads(expected, 2, c -> Kernels.multiplyTransposedLeft(a, b, c, m, k, n), "Aᵀ·B");
    }

    @Test
    void aSkippingProductOfABatchOfImagesGivesTheReferenceBitsOnOneTwoAndThreeThreads() {
        int[][] shapes = {{128, 784, 256}, {37, 100, 70}, {5, 157, 33}, {64, 96, 300}};
        SplittableRandom random = new SplittableRandom(22);
        for (int[] shape : shapes) {
            int m = shape[0], k = shape[1], n = shape[2];
            int offset = 3 * k; // a chunk of a larger input, as Network.predict passes one
            float[] images = VectorKernelsTest.imageLike(m + 3, k, random);
            float[] a = java.util.Arrays.copyOfRange(images, offset, offset + m * k);
            float[] b = random(k * n, random);
            float[] expected = new float[m * n];
            if (Kernels.vectorized()) {
                assertEquals(true, VectorKernels.skipsInMultiply(images, offset, m, k, n),
                        m + "×" + k + " takes the skipping path");
            }
            if (productsAreShared()) {
                VectorKernels.referenceMultiply(a, b, expected, m, k, n);
            } else {
                Matrices.multiply(a, b, expected, m, k, n);
            }
            assertBitsOnThreads(expected, 3, c -> Kernels.multiply(images, offset, b, c, m, k, n),
                    m + "×" + k + "×" + n);
        }
    }

    /** The product that {@code into} writes into a new array has the bits of {@code expected} on 1 … maxThreads. */
    private static void assertBitsOnThreads(float[] expected, int maxThreads, Consumer<float[]> into, String what) {
        for (int threads = 1; threads <= maxThreads; threads++) {
            Kernels.threads(threads);
            float[] c = new float[expected.length];
            into.accept(c);
            assertArrayEquals(bits(expected), bits(c), what + ", " + threads + " thread(s)");
        }
    }

    private static float[][] products(int threads, float[] a, float[] b, float[] at, float[] bm, float[] w,
                                      int m, int k, int n) {
        Kernels.threads(threads);
        float[] ab = new float[m * n];
        float[] atb = new float[k * n];
        float[] awt = new float[m * n];
        Kernels.multiply(a, b, ab, m, k, n);
        Kernels.multiplyTransposedLeft(at, bm, atb, m, k, n);
        Kernels.multiplyTransposedRight(a, w, awt, m, k, n);
        return new float[][]{ab, atb, awt};
    }

    /** Whether the products run on vector kernels (512- or 256-bit), the ones threads share. */
    private static boolean productsAreShared() {
        return !"scalar".equals(Kernels.kind());
    }

    /** The raw bits of each value, to compare results bit for bit (NaN payloads and the sign of 0 included). */
    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @Test
    void trainingGivesTheSameWeightsOnOneAndTwoThreads() {
        float[][] one = trainedWeights(1, ThreadChoice::new);
        float[][] two = trainedWeights(2, ThreadChoice::new);
        for (int t = 0; t < one.length; t++) {
            assertArrayEquals(bits(one[t]), bits(two[t]), "tensor " + t + " after training on 1 and on 2 threads");
        }
    }

    /** Steps that switch between running alone and sharing with the helper ({@link ThreadChoice}) keep the bits. */
    @Test
    void trainingGivesTheSameWeightsWhenItsStepsSwitchBetweenAloneAndShared() {
        Assumptions.assumeTrue(productsAreShared(), "threads share only the Vector API products");
        int[] steps = {0, 0}; // recorded, of which alone
        float[][] one = trainedWeights(1, ThreadChoice::new);
        float[][] switching = trainedWeights(2, () -> new ThreadChoice() {
            @Override
            boolean alone() {
                return steps[0] % 3 != 1; // alone, shared, alone, alone, shared, ...
            }

            @Override
            void record(long nanos) {
                steps[1] += alone() ? 1 : 0;
                steps[0]++;
            }
        });
        assertTrue(steps[1] > 0 && steps[0] > steps[1], steps[1] + " of " + steps[0] + " steps alone: both ways");
        for (int t = 0; t < one.length; t++) {
            assertArrayEquals(bits(one[t]), bits(switching[t]), "tensor " + t + " after training on 1 thread and"
                    + " with steps switching between alone and shared");
        }
    }

    /**
     * Two epochs of a 64-96-40-10 classifier on seeded image-like data: its two larger layers have enough weights for
     * the vector kernels (see Kernels.SMALL_WEIGHTS) and for their products to be split, the first layer's forward
     * product skips zero tiles, and the second layer's backward products are shared as parts.
     */
    private static float[][] trainedWeights(int threads, java.util.function.Supplier<ThreadChoice> choices) {
        Kernels.threads(threads);
        SplittableRandom random = new SplittableRandom(5);
        int rows = 256;
        float[] x = VectorKernelsTest.imageLike(rows, 64, random);
        assertEquals(Kernels.vectorized(), Kernels.vectorized() && VectorKernels.skipsInMultiply(x, 0, 64, 64, 96),
                "the batches take the skipping product");
        float[] y = new float[rows * 10];
        for (int r = 0; r < rows; r++) {
            y[r * 10 + random.nextInt(10)] = 1;
        }
        Network network = Network.builder(64).dense(96, "relu").dense(40, "relu").dense(10, "softmax").seed(3)
                .build();
        Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").batchSize(64).epochs(2).seed(9).build()
                .threadChoices(choices).fit(network, new Dataset(x, 64, y, 10));
        return network.parameters().stream().map(tensor -> tensor.value().clone()).toArray(float[][]::new);
    }

    @Test
    void threadsAreSetAndCounted() {
        Kernels.threads(2);
        assertEquals(productsAreShared() ? 2 : 1, Kernels.threads(), "the scalar loops never use helpers");
        Kernels.threads(1);
        assertEquals(1, Kernels.threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.threads(0));
        assertEquals("The matrix products need at least 1 thread, got 0", e.getMessage());
    }

    /**
     * Every part of a shared run is done exactly once, even when a product of few blocks is followed at once by
     * parts. A helper still holding the exhausted ticket of the product (block 8 of 8) once took block 8 of the parts
     * that followed, whose count the caller had already written, and a part ran twice: about one training step in a
     * few thousand, when the operating system paused the helper at that instruction, too rarely for a test to
     * provoke. So the test also checks the cure: tickets count the blocks left down, and once a run returns none is
     * left to take from its ticket.
     */
    @Test
    void everyPartRunsExactlyOnceAfterAProductOfFewerBlocks() {
        Assumptions.assumeTrue(productsAreShared(), "threads share only the Vector API products");
        Kernels.threads(2);
        ProductThreads pool = Kernels.pool();
        SplittableRandom random = new SplittableRandom(5);
        int m = 64;
        int k = 128;
        int n = 256; // aᵀ·b cut by columns: 8 blocks (and above the size worth sharing)
        float[] a = random(m * k, random);
        float[] b = random(m * n, random);
        float[] c = new float[k * n];
        int parts = 20;
        java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(parts);
        for (int round = 0; round < 20_000; round++) {
            Kernels.multiplyTransposedLeft(a, b, c, m, k, n);
            for (int p = 0; p < parts; p++) {
                runs.set(p, 0);
            }
            assertEquals(0, pool.blocksLeft(), "no block of the product is left once it returns");
            assertTrue(pool.run(runs::incrementAndGet, parts), "the helpers were free");
            assertEquals(0, pool.blocksLeft(), "no part is left once they return");
            for (int p = 0; p < parts; p++) {
                assertEquals(1, runs.get(p), "part " + p + " of round " + round + " ran " + runs.get(p) + " times");
            }
        }
    }

    /**
     * A run returns only once the helper's part is done, also when that part outlasts the caller's spin (the caller
     * then parks until the helper wakes it), and what the helper's part throws is thrown by the run, after which the
     * threads go on working. The caller's part 0 holds on until the helper has taken part 1, so the helper is the
     * one that runs it.
     */
    @Test
    void aRunWaitsForTheHelpersSlowPartAndThrowsWhatItThrows() {
        ProductThreads pool = new ProductThreads(2);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int round = 0; round < 10; round++) {
                    boolean fail = round % 2 == 1;
                    CountDownLatch helperStarted = new CountDownLatch(1);
                    AtomicIntegerArray done = new AtomicIntegerArray(2);
                    ProductThreads.Parts parts = part -> {
                        if (part == 0) {
                            await(helperStarted);
                        } else {
                            helperStarted.countDown();
                            sleep(20);
                            if (fail) {
                                throw new IllegalStateException("part 1 failed");
                            }
                        }
                        done.set(part, 1);
                    };
                    if (fail) {
                        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(parts, 2));
                        assertEquals("part 1 failed", e.getMessage());
                    } else {
                        assertTrue(pool.run(parts, 2), "the helper was free");
                        assertEquals(1, done.get(1), "the run returned before the helper's part was done");
                    }
                    assertEquals(1, done.get(0));
                }
            });
        } finally {
            pool.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the helper took no part");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
