package io.sinapse.core;

/**
 * The products and helpers layers use: the Vector API kernels of {@link VectorKernels} when this JVM can run them
 * well (512-bit vectors: AVX-512), else the three products on {@link Vector256Kernels} (256-bit vectors: AVX2) and
 * the rest on the scalar reference loops of {@link Matrices}, else those loops alone. The choice is made once, at
 * start-up, so within a run every call takes the same path and results are reproducible.
 *
 * <p>The vector paths need the module {@code jdk.incubator.vector} (resolved automatically on the module path;
 * on the class path add {@code --add-modules jdk.incubator.vector}). Run with {@code -Dsinapse.kernels=scalar} to
 * force the reference loops, or {@code -Dsinapse.kernels=256} for the 256-bit products on an AVX-512 CPU.
 *
 * <p>The vector products can be shared between threads ({@link #threads(int)}, or {@code -Dsinapse.threads=N} at
 * start-up; one by default). Each element of a result is still computed by one thread in one fixed order, so the
 * numbers are the same, bit for bit, for any number of threads.
 */
public final class Kernels {

    private static final boolean VECTORIZED = detect();
    /** Whether the products run on {@link Vector256Kernels}: 256-bit vectors where 512-bit ones are not. */
    static final boolean VECTORS_256 = !VECTORIZED && detect256();
    /**
     * Below this many multiply-adds a product is not worth splitting between threads: the output layer's products
     * in training (128×128×10, ~5 µs alone) took 15–24 µs when shared, the hand-over costing more than the work.
     */
    private static final long SPLIT_WORK = 1L << 20;
    /**
     * One example at a time is bound by how fast a core streams the weights from its cache (about 25 bytes a
     * cycle here), not by arithmetic: a first layer of 784×256 weights takes ~4 µs alone. Shared by columns, each
     * thread reads half of them from its own cache, so weights this large are worth splitting even for one row.
     */
    private static final long SPLIT_SINGLE_ROW_WEIGHTS = 1L << 17;

    private static volatile ProductThreads pool = startPool(Integer.getInteger("sinapse.threads", 1));
    /** The thread that computes its products without the helpers for now ({@link ThreadChoice}), or null. */
    private static volatile Thread alone;

    private Kernels() {
    }

    /** Whether the Vector API kernels for 512-bit vectors are in use. */
    public static boolean vectorized() {
        return VECTORIZED;
    }

    /** Which kernels are in use: {@code "vector"} (512-bit), {@code "vector256"} (its products) or {@code "scalar"}. */
    public static String kind() {
        return VECTORIZED ? "vector" : VECTORS_256 ? "vector256" : "scalar";
    }

    /**
     * Shares the matrix products between {@code count} threads from now on: the caller and {@code count - 1} helper
     * (daemon) threads, started here. 1 computes every product on the calling thread. Results do not depend on it.
     * Only the Vector API products are split; the scalar reference loops always run on the calling thread.
     */
    public static synchronized void threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("The matrix products need at least 1 thread, got " + count);
        }
        if (count == threads()) {
            return;
        }
        ProductThreads old = pool;
        pool = startPool(count);
        if (old != null) {
            old.close();
        }
    }

    /** How many threads share each matrix product (1 unless {@link #threads(int)} said otherwise). */
    public static int threads() {
        ProductThreads current = pool;
        return current == null ? 1 : current.size();
    }

    private static ProductThreads startPool(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("-Dsinapse.threads must be at least 1, got " + count);
        }
        return count == 1 || !VECTORIZED && !VECTORS_256 ? null : new ProductThreads(count);
    }

    /** The helper threads, or null when the products run on one thread (or this thread said {@link #alone}). */
    static ProductThreads pool() {
        return Thread.currentThread() == alone ? null : pool;
    }

    /**
     * From now on the calling thread computes its products and parts alone ({@code true}) or shares them with the
     * helper threads again ({@code false}). One thread at a time (a trainer's, {@link ThreadChoice}): another one's
     * {@code true} replaces it, which only costs time. The results are the same either way. A volatile field read
     * on each product's path, rather than a thread-local looked up there.
     */
    static void alone(boolean on) {
        Thread me = Thread.currentThread();
        if (on) {
            alone = me;
        } else if (alone == me) {
            alone = null;
        }
    }

    /**
     * Runs parts {@code 0 … count-1} of {@code parts}, of {@code work} multiply-adds in all, shared with the helper
     * threads when there are any, they are free and the work is worth a handoff; else one after another here.
     */
    static void runParts(ProductThreads.Parts parts, int count, long work) {
        ProductThreads threads = work >= SHARED_PARTS_WORK ? pool() : null;
        if (threads == null || !threads.run(parts, count)) {
            for (int part = 0; part < count; part++) {
                parts.run(part);
            }
        }
    }

    /** Below this many multiply-adds, parts run one after another: a handoff costs about a microsecond. */
    private static final long SHARED_PARTS_WORK = 1L << 16;

    /** Whether to try splitting a product of {@code m·k·n} multiply-adds; the pool may still decline. */
    private static ProductThreads poolFor(int m, int k, int n) {
        ProductThreads current = pool();
        boolean worth = (long) m * k * n >= SPLIT_WORK || m < 4 && (long) k * n >= SPLIT_SINGLE_ROW_WEIGHTS;
        return current != null && worth ? current : null;
    }

    /** Whether one row times {@code b[k×n]} runs on the vector kernels and is shared with the helper threads. */
    static boolean sharesOneRow(int k, int n) {
        return vector(k * n) && poolFor(1, k, n) != null;
    }

    /** Whether one row times {@code b[k×n]} runs on the vector kernels, on the calling thread alone. */
    static boolean vectorOneRowAlone(int k, int n) {
        return vector(k * n) && poolFor(1, k, n) == null;
    }

    private static boolean detect() {
        return !"256".equals(System.getProperty("sinapse.kernels"))
                && vectorsRun(() -> VectorKernels.hardwareSupported());
    }

    private static boolean detect256() {
        return vectorsRun(() -> Vector256Kernels.hardwareSupported());
    }

    /**
     * Whether the Vector API is resolved and not turned off with {@code -Dsinapse.kernels=scalar}, and
     * {@code hardware} says this CPU runs the kernels' vectors natively. A lambda, not a method reference: the
     * kernels' class is then loaded only here, inside the try, where a missing API is caught.
     */
    private static boolean vectorsRun(java.util.function.BooleanSupplier hardware) {
        if ("scalar".equals(System.getProperty("sinapse.kernels"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return hardware.getAsBoolean();
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Products whose weight-shaped operand has fewer values than this run on the reference loops: packing panels
     * 32 wide for a layer of a few units costs more than it saves, and before C2 has compiled the vector kernels
     * (the first seconds of a run) they are slower still, which is all a small network's training ever sees.
     * The choice depends on the layer's shape only, so a layer always takes the same path and its numbers do not
     * depend on batch size or chunking.
     */
    static final int SMALL_WEIGHTS = 1024;

    private static boolean vector(int weights) {
        return VECTORIZED && weights >= SMALL_WEIGHTS;
    }

    private static boolean vector256(int weights) {
        return VECTORS_256 && weights >= SMALL_WEIGHTS;
    }

    /** A product on {@link Vector256Kernels}, shared with the helper threads where worth it. */
    private static void products256(int op, float[] a, int aOff, float[] b, float[] c, int m, int k, int n) {
        ProductThreads threads = poolFor(m, k, n);
        if (threads == null || !threads.run(op, a, aOff, b, c, m, k, n)) {
            int rows = op == ProductThreads.TRANSPOSED_LEFT ? k : m;
            ProductThreads.compute(op, a, aOff, b, c, m, k, n, 0, rows, 0, n);
        }
    }

    /** {@code c[m×n] = a[m×k] · b[k×n]}. */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        Shapes.requireMatrix("Kernels.multiply", "a (m×k)", a, m, k);
        Shapes.requireMatrix("Kernels.multiply", "b (k×n)", b, k, n);
        Shapes.requireMatrix("Kernels.multiply", "c (m×n)", c, m, n);
        multiply(a, 0, b, c, m, k, n);
    }

    /** {@code c[m×n] = a[m×k] · b[k×n]} with a's rows starting at {@code a[aOff]}: a chunk of a larger input. */
    static void multiply(float[] a, int aOff, float[] b, float[] c, int m, int k, int n) {
        if (vector256(k * n)) {
            products256(ProductThreads.MULTIPLY, a, aOff, b, c, m, k, n);
            return;
        }
        if (!vector(k * n)) {
            multiplyAlone(a, aOff, b, null, c, m, k, n);
            return;
        }
        ProductThreads threads = poolFor(m, k, n);
        if (VectorKernels.skipsInMultiply(a, aOff, m, k, n)) {
            int op = ProductThreads.MULTIPLY_SKIPPING;
            if (threads == null || !threads.run(op, a, aOff, b, c, m, k, n)) {
                ProductThreads.compute(op, a, aOff, b, c, m, k, n, 0, m, 0, n);
            }
        } else if (threads == null || !threads.run(ProductThreads.MULTIPLY, a, aOff, b, c, m, k, n)) {
            multiplyAlone(a, aOff, b, null, c, m, k, n);
        }
    }

    /**
     * {@link #multiply(float[], int, float[], float[], int, int, int)} on the calling thread only: for work that is
     * already shared out in parts, where the helpers are busy. (Not going through {@link ProductThreads} there also
     * keeps the JIT from inlining the pool into itself: compiling that took 55 MB more memory.) {@code packedB} is b
     * as {@link #pack} packed it, or null: for the parts of one large input, so b is packed once per call rather
     * than once per part.
     */
    static void multiplyAlone(float[] a, int aOff, float[] b, float[] packedB, float[] c, int m, int k, int n) {
        if (vector256(k * n)) {
            Vector256Kernels.multiply(a, aOff, b, c, k, n, 0, m, 0, n);
        } else if (!vector(k * n)) {
            Matrices.multiply(a, aOff, b, c, m, k, n);
        } else if (packedB != null) {
            VectorKernels.multiplyPacked(a, aOff, b, packedB, c, m, k, n);
        } else {
            VectorKernels.multiply(a, aOff, b, c, m, k, n, 0, m, 0, n);
        }
    }

    /**
     * {@code b[k×n]} packed for {@link #multiplyAlone} on parts of {@code rows} rows, in {@code reuse} if it is large
     * enough; null where such products would not read it (the scalar loops, small b, parts of few rows).
     */
    static float[] pack(float[] b, int k, int n, int rows, float[] reuse) {
        return vector(k * n) && VectorKernels.readsPacked(rows, n) ? VectorKernels.packForManyRows(b, k, n, reuse)
                : null;
    }

    /** {@code c[k×n] = a[m×k]ᵀ · b[m×n]}. */
    public static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n) {
        Shapes.requireMatrix("Kernels.multiplyTransposedLeft", "a (m×k)", a, m, k);
        Shapes.requireMatrix("Kernels.multiplyTransposedLeft", "b (m×n)", b, m, n);
        Shapes.requireMatrix("Kernels.multiplyTransposedLeft", "c (k×n)", c, k, n);
        if (vector(k * n)) {
            ProductThreads threads = poolFor(m, k, n);
            int op = VectorKernels.skipsInTransposedLeft(a, m, k, n) ? ProductThreads.TRANSPOSED_LEFT_SKIPPING
                    : ProductThreads.TRANSPOSED_LEFT;
            if (threads == null || !threads.run(op, a, 0, b, c, m, k, n)) {
                ProductThreads.compute(op, a, 0, b, c, m, k, n, 0, k, 0, n);
            }
        } else if (vector256(k * n)) {
            products256(ProductThreads.TRANSPOSED_LEFT, a, 0, b, c, m, k, n);
        } else {
            Matrices.multiplyTransposedLeft(a, b, c, m, k, n);
        }
    }

    /** {@code c[m×k] = a[m×n] · b[k×n]ᵀ}. */
    public static void multiplyTransposedRight(float[] a, float[] b, float[] c, int m, int n, int k) {
        Shapes.requireMatrix("Kernels.multiplyTransposedRight", "a (m×n)", a, m, n);
        Shapes.requireMatrix("Kernels.multiplyTransposedRight", "b (k×n)", b, k, n);
        Shapes.requireMatrix("Kernels.multiplyTransposedRight", "c (m×k)", c, m, k);
        if (vector(k * n)) {
            ProductThreads threads = poolFor(m, n, k);
            if (threads == null || !threads.run(ProductThreads.TRANSPOSED_RIGHT, a, 0, b, c, m, n, k)) {
                VectorKernels.multiplyTransposedRight(a, b, c, m, n, k);
            }
        } else if (vector256(k * n)) {
            products256(ProductThreads.TRANSPOSED_RIGHT, a, 0, b, c, m, n, k);
        } else {
            Matrices.multiplyTransposedRight(a, b, c, m, n, k);
        }
    }

    /** Adds {@code bias[n]} to each of the {@code m} rows of {@code c}. */
    public static void addRowVector(float[] c, float[] bias, int m, int n) {
        Shapes.requireMatrix("Kernels.addRowVector", "c (m×n)", c, m, n);
        Shapes.requireMatrix("Kernels.addRowVector", "bias (1×n)", bias, 1, n);
        if (VECTORIZED) {
            VectorKernels.addRowVector(c, bias, m, n);
        } else {
            Matrices.addRowVector(c, bias, m, n);
        }
    }

    /**
     * {@code x[dst + j] = table[codes[src + j] & 0xFF]} for j &lt; n, the table holding 256 entries. When
     * {@code divisor} is {@link #divisorOf the table's divisor} (else 0), the vector path divides instead of looking
     * up: the same floats, about twice as fast as gathering them from the table.
     */
    static void decode(byte[] codes, int src, float[] table, float divisor, float[] x, int dst, int n) {
        if (VECTORIZED && divisor > 0f) {
            VectorKernels.decodeDividing(codes, src, divisor, x, dst, n);
        } else if (VECTORIZED) {
            VectorKernels.decode(codes, src, table, x, dst, n);
        } else if (VECTORS_256 && divisor > 0f) {
            Vector256Kernels.decodeDividing(codes, src, divisor, x, dst, n);
        } else {
            Matrices.decode(codes, src, table, x, dst, n);
        }
    }

    /**
     * The d for which every entry of a 256-entry decode table is {@code code / d} in float arithmetic (8-bit
     * pixels scaled to [0, 1] by 255), or 0 when there is none.
     */
    static float divisorOf(float[] table) {
        if (table[0] != 0f || !(table[1] > 0f)) {
            return 0f;
        }
        float divisor = (float) Math.rint(1.0 / table[1]);
        for (int code = 0; code < table.length; code++) {
            if (!(divisor > 0f) || table[code] != code / divisor) {
                return 0f;
            }
        }
        return divisor;
    }

    /** {@code sums[n]} = the column sums of {@code a[m×n]}. */
    public static void sumColumns(float[] a, float[] sums, int m, int n) {
        Shapes.requireMatrix("Kernels.sumColumns", "a (m×n)", a, m, n);
        Shapes.requireMatrix("Kernels.sumColumns", "sums (1×n)", sums, 1, n);
        if (VECTORIZED) {
            VectorKernels.sumColumns(a, sums, m, n);
        } else {
            Matrices.sumColumns(a, sums, m, n);
        }
    }
}
