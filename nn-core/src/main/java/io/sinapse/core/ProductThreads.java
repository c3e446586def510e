package io.sinapse.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Helper threads for the matrix products of {@link VectorKernels}. A product's result is cut into blocks of whole
 * columns (or of whole rows, when it has few columns or more rows than columns); the calling thread and the
 * helpers take blocks one at a time until none are left. Each element is computed entirely by one thread, in the
 * kernels' single summation order, so the result is bit-identical whatever the number of threads and whoever
 * takes which block.
 *
 * <p>{@link #run(Parts, int)} shares other work the same way, cut into parts: the trainer's optimizer update (a
 * part of a tensor per block) and the gathering of the next batch.
 *
 * <p>Taking blocks rather than being handed a fixed share keeps a busy machine from making things worse: a helper
 * that is not scheduled in time simply takes no blocks, and the caller computes them. Helpers are daemon threads
 * started once; after a product they spin briefly, because in training the next product follows within
 * microseconds, then park. Handing out work allocates nothing. If two threads call a product at once, the second
 * computes its product alone rather than wait.
 */
final class ProductThreads {

    static final int MULTIPLY = 0;
    static final int TRANSPOSED_LEFT = 1;
    static final int TRANSPOSED_RIGHT = 2;
    /** {@link #TRANSPOSED_LEFT} skipping the rows where a tile of a is zero; cut by rows. */
    static final int TRANSPOSED_LEFT_SKIPPING = 4;
    /** Not a product: the {@link Parts} of {@link #run(Parts, int)}. */
    private static final int PARTS = 3;
    /**
     * {@link #MULTIPLY} for a batch of images, whose tiles skip the steps where their rows are all zero
     * ({@code VectorKernels.skipsInMultiply}): cut into one block of columns per thread, because each block sorts
     * the rows and lists every tile's steps anew.
     */
    static final int MULTIPLY_SKIPPING = 5;

    /** Work cut into parts that any thread may do, in any order. */
    interface Parts {
        /** Does part number {@code part}. */
        void run(int part);
    }

    /** Blocks are whole 32-column panels of the kernels, or runs of whole 8-row tiles (at most 128 rows). */
    private static final int COLUMN_STEP = 32;
    private static final int ROW_STEP = 8;
    private static final int MAX_ROW_BLOCK = 128;
    /**
     * Products with fewer rows (one example at a time) are cut into blocks of this many columns, so each thread
     * streams its own half of the weights with eight accumulators (see {@code VectorKernels.rowTimesMatrix}).
     */
    private static final int SINGLE_ROWS = 4;
    static final int SINGLE_ROW_COLUMNS = 128;
    /** How long an idle helper spins for the next product, and the caller for the helpers' last blocks. */
    private static final long HELPER_SPIN_NANOS = 50_000;
    private static final int CALLER_SPINS = 2_000;

    /**
     * Flags and counters each on a cache line of its own: the middle of a {@code long[]} this long, read and written
     * through {@link #SLOT}. Wherever the array lies, no other object's data shares that line, so one thread writing
     * it never makes another fetch a line it works on, and its owner's updates stay in its own cache.
     */
    private static final int PADDED = 24;
    private static final int MIDDLE = 12;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final Helper[] helpers;
    /** 1 while a caller is using the helpers (at {@link #MIDDLE}): in practice always the same thread. */
    private final long[] busy = new long[PADDED];

    /**
     * The work being done: its number in the high 32 bits, how many of its blocks no thread has taken yet in the
     * low 32. Blocks are taken by counting that down, so once it is 0 no thread can take a block, whatever the
     * fields say by then: a helper late with a finished work's ticket cannot take a block of the next work.
     *
     * <p>A field of this object (through {@link #TICKET}) rather than an {@code AtomicLong}: so the cache line a
     * helper fetches when the ticket changes also brings the fields describing the work. With the flag and counts on
     * lines of their own (above and in {@link Helper}), one example's first-layer product took 4–17% less time than
     * with the ticket, the flag and a shared block counter as three small objects, which usually share one line
     * (alternating phases in one process, four processes; docs/performance.md).
     */
    @SuppressWarnings("unused") // read and written through TICKET
    private volatile long ticket;
    private static final VarHandle TICKET;

    static {
        try {
            TICKET = MethodHandles.lookup().findVarHandle(ProductThreads.class, "ticket", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The number of the last work posted; only the caller holding {@link #busy} touches it. */
    private long posted;
    /**
     * How many blocks the helpers will have finished, counted since the start, by the end of the current work (each
     * helper counts its own in {@link Helper#blocksDone}).
     */
    private long helperBlocksExpected;
    private volatile Thread waiter;
    private volatile Throwable failure;
    private volatile boolean closed;

    // The product: written by the caller before it publishes a new ticket, read by whoever takes a block of it.
    private int op;
    private float[] a;
    private int aOff;
    private float[] b;
    private float[] c;
    private int m;
    private int k;
    private int n;
    private boolean byColumns;
    private int step;
    private int extent;
    private int blocks;
    private Parts parts;

    ProductThreads(int threads) {
        helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper("sinapse-products-" + (i + 1));
            helpers[i].start();
        }
    }

    /** How many blocks of the current work no thread has taken: 0 between two works (for tests). */
    int blocksLeft() {
        return (int) ticket();
    }

    /** The calling thread and its helpers. */
    int size() {
        return helpers.length + 1;
    }

    /**
     * Computes the product {@code op} (one of the constants above, with the arguments of the matching
     * {@link VectorKernels} method; {@code aOff}, where a starts, is 0 except for the two multiplies) shared with the
     * helpers. Returns false, having done nothing, when another caller is using the helpers or the result is too
     * small to cut; the caller then computes it alone.
     */
    boolean run(int op, float[] a, int aOff, float[] b, float[] c, int m, int k, int n) {
        return run(op, a, aOff, b, c, m, k, n, null);
    }

    /**
     * {@link #run(int, float[], int, float[], float[], int, int, int)}, the caller running {@code afterOwnBlock} once
     * it has computed block 0 (for a one-row product, columns {@code 0 … SINGLE_ROW_COLUMNS-1}), before it takes
     * other blocks or waits for the helpers' ones: work that needs only that block ({@link OverlappedLayers}).
     */
    boolean run(int op, float[] a, int aOff, float[] b, float[] c, int m, int k, int n, Runnable afterOwnBlock) {
        // The arguments come in the order of the VectorKernels method, whose result always has n columns. By
        // columns each thread packs its own panels of b but reads all of a; by rows, the reverse. So a product with
        // more rows than columns (inference on many examples) is cut by rows, the others by columns; except a
        // skipping Aᵀ·B, where each column block would list the rows of every tile again. A·B cut by columns (a
        // training batch) takes one block per thread: a skipping one for the same reason, a plain one because its
        // tiles pack their own panels anyway. Interleaved in one training run, steps took 5–6% less than with
        // 32-column blocks (64 for the skipping product), and the caller waited less for the helper.
        int rows = op == TRANSPOSED_LEFT || op == TRANSPOSED_LEFT_SKIPPING ? k : m;
        boolean singleRows = op == MULTIPLY && m < SINGLE_ROWS;
        boolean columns = singleRows
                || n >= 2 * COLUMN_STEP && !(op == MULTIPLY && m > n) && op != TRANSPOSED_LEFT_SKIPPING;
        int length = columns ? n : rows;
        int size = singleRows ? SINGLE_ROW_COLUMNS
                : !columns ? rowBlock(op, rows)
                : op == MULTIPLY || op == MULTIPLY_SKIPPING ? perThread(n)
                : COLUMN_STEP;
        int count = (length + size - 1) / size;
        if (count < 2 || !claim()) {
            return false;
        }
        try {
            this.op = op;
            this.a = a;
            this.aOff = aOff;
            this.b = b;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.byColumns = columns;
            this.step = size;
            this.extent = length;
            shareAndWait(count, afterOwnBlock);
            this.a = this.b = this.c = null;
            rethrow();
            return true;
        } finally {
            release();
        }
    }

    /** Columns per block for one block per thread: whole 32-column panels. */
    private int perThread(int n) {
        return ((n + size() - 1) / size() + COLUMN_STEP - 1) / COLUMN_STEP * COLUMN_STEP;
    }

    private boolean claim() {
        return SLOT.compareAndSet(busy, MIDDLE, 0L, 1L);
    }

    private void release() {
        SLOT.setRelease(busy, MIDDLE, 0L); // a full store would wait for the stores above to leave the core
    }

    /**
     * Runs parts {@code 0 … count-1} of {@code parts}, shared with the helpers (any thread may take any part), and
     * returns true once all are done; or returns false, having done nothing, when another caller is using the
     * helpers. What a part throws is thrown here, after the other parts are done.
     */
    boolean run(Parts parts, int count) {
        if (count < 1 || !claim()) {
            return false;
        }
        try {
            this.op = PARTS;
            this.parts = parts;
            this.step = 1;
            this.extent = count;
            shareAndWait(count, null);
            this.parts = null;
            rethrow();
            return true;
        } finally {
            release();
        }
    }

    /**
     * Posts the work set up in the fields as {@code count} blocks, keeping block 0 for the caller, takes blocks too,
     * and waits for all of them.
     *
     * <p>The ticket is written with a release store, which publishes the fields written before it, and the caller
     * starts on its block at once. A full (volatile) store made the caller wait about half a microsecond while the
     * helper spinning on the ticket let go of its cache line: a quarter of one example's first-layer product.
     */
    private void shareAndWait(int count, Runnable afterOwnBlock) {
        this.blocks = count;
        if (failure != null) {
            failure = null; // only when set: a volatile store would wait for the stores above to leave the core
        }
        long product = ++posted;
        TICKET.setRelease(this, product << 32 | (count - 1));
        for (Helper helper : helpers) {
            if (helper.parked) {
                LockSupport.unpark(helper);
            }
        }
        compute(0);
        if (afterOwnBlock != null) {
            try {
                afterOwnBlock.run();
            } catch (Throwable t) {
                keep(t);
            }
        }
        int callerBlocks = 1 + work(product, null);
        helperBlocksExpected += count - callerBlocks;
        awaitHelpers(helperBlocksExpected);
    }

    private void rethrow() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    /**
     * Rows per block when cutting by rows: whole tiles, about four blocks per thread, at most 128 rows; for
     * {@link #MULTIPLY} and {@link #TRANSPOSED_LEFT_SKIPPING} about two blocks per thread with no upper bound,
     * because each block packs b anew.
     */
    private int rowBlock(int op, int rows) {
        int tiles = (rows + ROW_STEP - 1) / ROW_STEP;
        if (op == MULTIPLY || op == TRANSPOSED_LEFT_SKIPPING) {
            return Math.max(1, (tiles + 2 * size() - 1) / (2 * size())) * ROW_STEP;
        }
        int perBlock = Math.max(1, tiles / (4 * size()));
        return Math.min(MAX_ROW_BLOCK, perBlock * ROW_STEP);
    }

    private long ticket() {
        return (long) TICKET.getVolatile(this);
    }

    /**
     * Takes and computes blocks of work number {@code product} until none are left (or it is finished), and returns
     * how many it took; a helper reports each one done.
     */
    private int work(long product, Helper helper) {
        int taken = 0;
        while (true) {
            long current = ticket();
            int left = (int) current;
            if (current >>> 32 != product || left == 0) {
                return taken;
            }
            if (TICKET.compareAndSet(this, current, current - 1)) {
                // The block is ours, so the work cannot finish (nor the fields change) before we report it done.
                compute(blocks - left);
                taken++;
                if (helper != null) {
                    // A full store: read after it, waiter cannot be stale (the caller writes it, then reads counts).
                    SLOT.setVolatile(helper.blocksDone, MIDDLE, (long) SLOT.get(helper.blocksDone, MIDDLE) + 1);
                    Thread w = waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            }
        }
    }

    /** Computes block {@code block} of the current work; what it throws is kept for {@link #rethrow()}. */
    private void compute(int block) {
        try {
            if (op == PARTS) {
                parts.run(block);
            } else {
                int from = block * step;
                int to = Math.min(extent, from + step);
                int rows = op == TRANSPOSED_LEFT || op == TRANSPOSED_LEFT_SKIPPING ? k : m;
                if (byColumns) {
                    compute(op, a, aOff, b, c, m, k, n, 0, rows, from, to);
                } else {
                    compute(op, a, aOff, b, c, m, k, n, from, to, 0, n);
                }
            }
        } catch (Throwable t) {
            keep(t);
        }
    }

    /** Keeps the first failure of the current work for {@link #rethrow()}. */
    private void keep(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    private long helperBlocksDone() {
        long done = 0;
        for (Helper helper : helpers) {
            done += (long) SLOT.getAcquire(helper.blocksDone, MIDDLE);
        }
        return done;
    }

    /** Waits for blocks the helpers are still computing: a short spin, then parked until the last one is done. */
    private void awaitHelpers(long expected) {
        for (int spins = 0; helperBlocksDone() < expected; spins++) {
            if (spins < CALLER_SPINS) {
                Thread.onSpinWait();
                continue;
            }
            waiter = Thread.currentThread();
            while (helperBlocksDone() < expected) {
                LockSupport.park(this);
            }
            waiter = null;
        }
    }

    /** One share of a product; {@code aOff}, where a starts, is 0 except for the two multiplies. */
    static void compute(int op, float[] a, int aOff, float[] b, float[] c, int m, int k, int n,
                        int rowFrom, int rowTo, int colFrom, int colTo) {
        if (Kernels.VECTORS_256) {
            Vector256Kernels.compute(op, a, aOff, b, c, m, k, n, rowFrom, rowTo, colFrom, colTo);
            return;
        }
        switch (op) {
            case MULTIPLY -> VectorKernels.multiply(a, aOff, b, c, m, k, n, rowFrom, rowTo, colFrom, colTo);
            case MULTIPLY_SKIPPING -> VectorKernels.multiplyManyRows(a, aOff, b, c, k, n, rowFrom, rowTo, colFrom,
                    colTo, null);
            case TRANSPOSED_LEFT -> VectorKernels.multiplyTransposedLeft(a, b, c, m, k, n, rowFrom, rowTo, colFrom,
                    colTo);
            case TRANSPOSED_LEFT_SKIPPING -> VectorKernels.multiplyTransposedLeftSkipping(a, b, c, m, k, n, rowFrom, rowTo,
                    colFrom, colTo);
            case TRANSPOSED_RIGHT -> VectorKernels.multiplyTransposedRight(a, b, c, m, k, n, rowFrom, rowTo, colFrom,
                    colTo);
            default -> throw new IllegalArgumentException("unknown product " + op);
        }
    }

    /** Stops the helpers once they finish what they are doing. */
    void close() {
        closed = true;
        for (Helper helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    /** A helper: waits for a new product, takes blocks of it while there are any, and waits again. */
    private final class Helper extends Thread {

        private volatile boolean parked;
        /** Blocks this helper has finished since it started (at {@link #MIDDLE}); only it writes the count. */
        private final long[] blocksDone = new long[PADDED];

        Helper(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (!closed) {
                long product = ticket() >>> 32;
                if (product == seen) {
                    idle(seen, HELPER_SPIN_NANOS);
                    continue;
                }
                seen = product;
                work(product, this);
            }
        }

        /** Spins for a while, then parks, until a product after number {@code seen} is posted or the pool closes. */
        private void idle(long seen, long spinNanos) {
            long started = System.nanoTime();
            for (int spins = 0; ticket() >>> 32 == seen && !closed; spins++) {
                if ((spins & 63) != 0 || System.nanoTime() - started < spinNanos) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                if (ticket() >>> 32 == seen && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                started = System.nanoTime();
            }
        }
    }
}
