package io.sinapse.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Helper threads for the matrix products of {@link VectorKernels}: a product's result is cut into blocks of whole
 * columns (or whole rows, when it has few columns or more rows than columns), the calling thread computes the first block and each
 * helper one of the others. Each element is computed entirely by one thread, in the kernels' single summation
 * order, so the result is bit-identical whatever the number of threads.
 *
 * <p>The helpers are daemon threads started once. After a block they spin briefly, because in training the next
 * product follows within microseconds, then park until the next one. Handing out work allocates nothing. If two
 * threads call a product at once, the second computes its product alone rather than wait for the helpers.
 */
final class ProductThreads {

    static final int MULTIPLY = 0;
    static final int TRANSPOSED_LEFT = 1;
    static final int TRANSPOSED_RIGHT = 2;

    /** Blocks are cut at multiples of the kernels' tile: 32 columns, or 8 rows. */
    private static final int COLUMN_STEP = 32;
    private static final int ROW_STEP = 8;
    /** How long an idle helper spins for the next block before it parks. */
    private static final long SPIN_NANOS = 200_000;

    private final Helper[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();

    ProductThreads(int threads) {
        helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper("sinapse-products-" + (i + 1));
            helpers[i].start();
        }
    }

    /** The calling thread and its helpers. */
    int size() {
        return helpers.length + 1;
    }

    /**
     * Computes the product {@code op} (one of the constants above, with the arguments of the matching
     * {@link VectorKernels} method) split between the threads. Returns false, having done nothing, when another
     * caller is using the helpers or the result is too small to split; the caller then computes it alone.
     */
    boolean run(int op, float[] a, float[] b, float[] c, int m, int k, int n) {
        // The arguments come in the order of the VectorKernels method, whose result always has n columns.
        int rows = op == TRANSPOSED_LEFT ? k : m;
        int cols = n;
        int parts = size();
        // By columns each thread packs its own panels of b but reads all of a; by rows, the reverse. So a product
        // with more rows than columns (inference on many examples) is split by rows, the others by columns.
        boolean byColumns = cols >= 2 * COLUMN_STEP && !(op == MULTIPLY && m > cols);
        int extent = byColumns ? cols : rows;
        int step = byColumns ? COLUMN_STEP : ROW_STEP;
        int blocks = (extent + step - 1) / step;
        if (blocks < 2 || !busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            parts = Math.min(parts, blocks);
            int first = share(0, parts, blocks, step, extent);
            int end = first;
            for (int h = 1; h < parts; h++) {
                int from = end;
                end = share(h, parts, blocks, step, extent);
                if (byColumns) {
                    helpers[h - 1].post(op, a, b, c, m, k, n, 0, rows, from, end);
                } else {
                    helpers[h - 1].post(op, a, b, c, m, k, n, from, end, 0, cols);
                }
            }
            if (byColumns) {
                compute(op, a, b, c, m, k, n, 0, rows, 0, first);
            } else {
                compute(op, a, b, c, m, k, n, 0, first, 0, cols);
            }
            Throwable failure = null;
            for (int h = 1; h < parts; h++) {
                Throwable f = helpers[h - 1].await();
                if (failure == null) {
                    failure = f;
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    /** Where share {@code part} of {@code parts} ends: blocks of {@code step} dealt out as evenly as they go. */
    private static int share(int part, int parts, int blocks, int step, int extent) {
        int endBlock = (int) ((long) blocks * (part + 1) / parts);
        return Math.min(extent, endBlock * step);
    }

    static void compute(int op, float[] a, float[] b, float[] c, int m, int k, int n,
                        int rowFrom, int rowTo, int colFrom, int colTo) {
        switch (op) {
            case MULTIPLY -> VectorKernels.multiply(a, b, c, m, k, n, rowFrom, rowTo, colFrom, colTo);
            case TRANSPOSED_LEFT -> VectorKernels.multiplyTransposedLeft(a, b, c, m, k, n, rowFrom, rowTo, colFrom,
                    colTo);
            case TRANSPOSED_RIGHT -> VectorKernels.multiplyTransposedRight(a, b, c, m, k, n, rowFrom, rowTo, colFrom,
                    colTo);
            default -> throw new IllegalArgumentException("unknown product " + op);
        }
    }

    /** Stops the helpers; they finish the block they have, if any. */
    void close() {
        for (Helper helper : helpers) {
            helper.stop = true;
            LockSupport.unpark(helper);
        }
    }

    /** One helper: waits for a block, computes it, reports, repeats. */
    private static final class Helper extends Thread {

        /** Blocks handed out and blocks finished; only the caller writes {@code posted}, only the helper the other. */
        private volatile int posted;
        private volatile int finished;
        private volatile boolean parked;
        private volatile boolean stop;

        // The block: written by the caller before it bumps `posted`, read by the helper after it sees the bump.
        private int op;
        private float[] a;
        private float[] b;
        private float[] c;
        private int m;
        private int k;
        private int n;
        private int rowFrom;
        private int rowTo;
        private int colFrom;
        private int colTo;
        private Throwable failure;

        Helper(String name) {
            super(name);
            setDaemon(true);
        }

        void post(int op, float[] a, float[] b, float[] c, int m, int k, int n,
                  int rowFrom, int rowTo, int colFrom, int colTo) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.rowFrom = rowFrom;
            this.rowTo = rowTo;
            this.colFrom = colFrom;
            this.colTo = colTo;
            this.failure = null;
            posted = posted + 1;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        /** Waits until the posted block is done; returns what it threw, or null. */
        Throwable await() {
            int target = posted;
            for (int spins = 0; finished != target; spins++) {
                if (spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable thrown = failure;
            a = b = c = null;
            return thrown;
        }

        @Override
        public void run() {
            int seen = 0;
            while (!stop) {
                if (posted == seen) {
                    idle(seen);
                    continue;
                }
                seen = posted;
                try {
                    compute(op, a, b, c, m, k, n, rowFrom, rowTo, colFrom, colTo);
                } catch (Throwable t) {
                    failure = t;
                }
                finished = seen;
            }
        }

        /** Spins for a while, then parks until {@code posted} moves past {@code seen} (or the pool closes). */
        private void idle(int seen) {
            long started = System.nanoTime();
            for (int spins = 0; posted == seen && !stop; spins++) {
                if ((spins & 63) != 0 || System.nanoTime() - started < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                if (posted == seen && !stop) {
                    LockSupport.park(this);
                }
                parked = false;
                started = System.nanoTime();
            }
        }
    }
}
