package io.sinapse.core;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The products of {@code Matrices} on the Vector API: a register-blocked micro-kernel holding an 8×32 tile of the
 * result in sixteen 16-float accumulators, fed by one operand read in place and the other packed into 32-wide
 * panels, with K blocked at {@value #KC}.
 *
 * <p>Every result element is summed in one fixed order, whatever the shape, the tile it falls in or the path that
 * computes it: {@code c = 0; for p = 0 … k-1: c = fma(a_p, b_p, c)} in float. So the fast kernels are
 * bit-identical to {@link #referenceMultiply} and its twins, and a split of the work between threads can never
 * change a result. (The plain {@link Matrices} loops round the product before adding, so they differ from these
 * in the last bits; tests compare against both.) With fewer than four rows, {@code multiply} skips the zero
 * inputs, which leaves every sum unchanged as long as b is finite (see {@code rowTimesMatrix}).
 *
 * <p>Needs the incubating module {@code jdk.incubator.vector} (which {@code io.sinapse.core} requires; on the class
 * path run with {@code --add-modules jdk.incubator.vector}) and 512-bit vectors (AVX-512). Layers reach these
 * kernels through {@code Kernels}, which falls back to {@link Matrices} when either is missing; call them
 * directly only where {@link Kernels#vectorized()} holds.
 */
public final class VectorKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;
    private static final int LANES = 16;
    /** Rows of the result tile. */
    private static final int MR = 8;
    /** Columns of the result tile: two vectors. */
    private static final int NR = 32;
    /** The inner dimension is processed in blocks of this many, so a packed panel stays in L2. */
    static final int KC = 512;
    /** Below this many rows of A, {@code multiply} reads B in place instead of packing it. */
    private static final int SMALL_M = 4;
    /** Up to this many rows (a training batch), {@code multiply} packs one panel of B at a time. */
    private static final int FEW_ROWS = 128;
    /** Beyond, it packs this many columns of a K block of B at a time (256 KB, in L2) for its tiles of rows. */
    private static final int NC = 256;
    /** Products with at most this many columns (one vector) take {@link #narrowProduct}. */
    static final int NARROW = LANES;

    /** Room per tile for its steps: a K block, and one vector more ({@link #stepsFromMarks}). */
    private static final int STEPS = KC + LANES;
    /** Where each row of {@link Workspace#tile} starts. */
    private static final int[] TILE_ROWS = {0, NR, 2 * NR, 3 * NR, 4 * NR, 5 * NR, 6 * NR, 7 * NR};
    /** Where each row of {@link Workspace#tile} starts when it holds 4 rows of 64 ({@link #kernelSkipping}). */
    private static final int[] WIDE_TILE_ROWS = {0, 2 * NR, 4 * NR, 6 * NR};
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private VectorKernels() {
    }

    /** Whether this CPU runs 512-bit float vectors natively (on narrower hardware they would be emulated, slowly). */
    static boolean hardwareSupported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize();
    }

    /** Packing buffers, one set per thread, allocated once (the large one on first use). */
    private static final class Workspace {
        final float[] panel = new float[KC * NR];
        final float[] columns = new float[KC * MR];
        final float[] tile = new float[MR * NR];
        private float[] packed;
        /** A K block of a narrow b, its rows padded to a vector ({@link #narrowProduct}). */
        final float[] padded = new float[KC * LANES];
        private int[] indices = new int[0];
        private byte[] marks = new byte[0];
        private long[] keys = new long[0];
        private int[] order = new int[0];
        /**
         * A tile's 8 rows of a K block, {@value #STEPS} apart, the steps of its upper and its lower 4 rows
         * ({@value #STEPS} apart), how many of each, and where its rows start in c.
         */
        final float[] tileRows = new float[MR * STEPS];
        final int[] steps = new int[2 * STEPS];
        final int[] taken = new int[2];
        final int[] cRows = new int[MR];
        /** Bits or-ed over an image's rows, for {@link #nonzeroWidth}. */
        final int[] columnBits = new int[2 * LANES];

        /** Room for the positions of {@code k} inputs, and {@value #LANES} more ({@link #nonzeroIndices}). */
        int[] indices(int k) {
            if (indices.length < k + LANES) {
                indices = new int[k + LANES];
            }
            return indices;
        }

        /** Room for a 0-or-1 mark per input, for {@link #nonzeroIndices}. */
        byte[] marks(int k) {
            if (marks.length < k) {
                marks = new byte[k];
            }
            return marks;
        }

        /** Room for {@link #outlineOrder}'s keys of {@code rows} rows, and (in {@code order}) for the order it finds. */
        long[] keys(int rows) {
            if (keys.length < rows) {
                keys = new long[rows];
                order = new int[rows];
            }
            return keys;
        }

        /** Room for {@value #NC} columns of a K block of B, packed panel after panel. */
        float[] packed() {
            if (packed == null) {
                packed = new float[KC * NC];
            }
            return packed;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // c[m×n] = a[m×k] · b[k×n]

    /** {@code c[m×n] = a[m×k] · b[k×n]}. */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        multiply(a, 0, b, c, m, k, n, 0, m, 0, n);
    }

    /**
     * Rows {@code rowFrom … rowTo-1} by columns {@code colFrom … colTo-1} of {@code c = a·b}, a read from
     * {@code aOff}: one thread's share, or a chunk of a larger input. Every element is computed whole, in the same
     * order as by the full call.
     */
    static void multiply(float[] a, int aOff, float[] b, float[] c, int m, int k, int n,
                         int rowFrom, int rowTo, int colFrom, int colTo) {
        if (rowTo - rowFrom < SMALL_M) {
            Workspace w = WORKSPACE.get();
            for (int i = rowFrom; i < rowTo; i++) {
                int[] nonzero = w.indices(k);
                int count = nonzeroIndices(a, aOff + i * k, k, nonzero, w.marks(k));
                rowTimesMatrix(a, aOff + i * k, b, 0, c, i * n, n, colFrom, colTo, nonzero, count, false);
            }
            return;
        }
        if (n <= NARROW) {
            narrowProduct(a, aOff, k, 1, k, b, n, c, rowFrom, rowTo);
        } else if (rowTo - rowFrom <= FEW_ROWS) {
            multiplyRows(a, aOff, b, c, k, n, rowFrom, rowTo, colFrom, colTo);
        } else {
            multiplyManyRows(a, aOff, b, c, k, n, rowFrom, rowTo, colFrom, colTo, null);
        }
    }

    /**
     * {@code c[m×n] = a[m×k] · b[k×n]}, a read from {@code aOff}, with {@code packed} holding b as
     * {@link #packForManyRows} packs it: for the parts of one large input, so b is packed once rather than once per
     * part. The same results as {@link #multiply}.
     */
    static void multiplyPacked(float[] a, int aOff, float[] b, float[] packed, float[] c, int m, int k, int n) {
        if (readsPacked(m, n)) {
            multiplyManyRows(a, aOff, b, c, k, n, 0, m, 0, n, packed);
        } else {
            multiply(a, aOff, b, c, m, k, n, 0, m, 0, n);
        }
    }

    /**
     * Whether {@link #multiplyPacked} reads the packed b[·×n] for {@code m} rows (else it packs what it needs itself).
     */
    static boolean readsPacked(int m, int n) {
        return m > FEW_ROWS && n > NARROW;
    }

    /**
     * {@code b[k×n]} packed the way {@link #multiplyManyRows} packs it, every block at once (into {@code into}
     * when it is large enough): block ({@code jc}, {@code kb}) of {@value #NC} columns by {@value #KC} rows starts
     * at {@link #blockOffset}, its 32-column panels {@code KC·32} floats apart.
     */
    static float[] packForManyRows(float[] b, int k, int n, float[] into) {
        int size = (n + NC - 1) / NC * ((k + KC - 1) / KC) * NC * KC;
        float[] packed = into != null && into.length >= size ? into : new float[size];
        for (int jc = 0; jc < n; jc += NC) {
            int ncEnd = Math.min(n, jc + NC);
            for (int kb = 0; kb < k; kb += KC) {
                int block = blockOffset(jc, kb, k);
                for (int j0 = jc; j0 < ncEnd; j0 += NR) {
                    packRows(b, kb * n + j0, n, Math.min(KC, k - kb), Math.min(NR, ncEnd - j0), packed,
                            block + (j0 - jc) * KC);
                }
            }
        }
        return packed;
    }

    private static int blockOffset(int jc, int kb, int k) {
        return (jc / NC * ((k + KC - 1) / KC) + kb / KC) * NC * KC;
    }

    /**
     * Many rows (inference on a whole test set), or a training batch of images ({@link #skipsInMultiply}): up to
     * {@value #NC} columns of a K block of b are packed once, then each 8-row tile is copied into a small buffer that
     * stays in L1 while every packed panel passes over it.
     * Packing panel by panel for each tile instead would copy all of b again for every 8 rows. With
     * {@code prepacked} (all columns only), the blocks are read from there instead of packed.
     *
     * <p>The rows are taken in the order of {@link #outlineOrder}, and each half of a tile (4 rows) skips the steps
     * where all its rows are zero ({@link #skippingTile}), 64 columns at a time ({@link #kernelSkipping}); a tile
     * with few such steps takes kernelRows' plain loop instead. Each row's result still goes to its own row of c.
     * Against 8-row tiles skipping together (sorted by first and last nonzero value), the 10,000 Fashion-MNIST test
     * images took 34.9–35.6 ms against 40.3–42.6 on one thread, 18.4–19.1 against 20.7–21.3 on two (Zen 4).
     */
    static void multiplyManyRows(float[] a, int aOff, float[] b, float[] c, int k, int n,
                                 int rowFrom, int rowTo, int colFrom, int colTo, float[] prepacked) {
        Workspace w = WORKSPACE.get();
        float[] packed = prepacked != null ? prepacked : w.packed();
        float[] tile = w.tile;
        float[] rows = w.tileRows;
        int[] cRows = w.cRows;
        int[] steps = w.steps;
        int[] order = outlineOrder(a, aOff, k, rowFrom, rowTo, w);
        int count = rowTo - rowFrom;
        for (int jc = colFrom; jc < colTo; jc += NC) {
            int ncEnd = Math.min(colTo, jc + NC);
            for (int kb = 0; kb < k; kb += KC) {
                int kc = Math.min(KC, k - kb);
                boolean accumulate = kb > 0;
                int block = 0;
                if (prepacked != null) {
                    block = blockOffset(jc, kb, k);
                } else {
                    for (int j0 = jc; j0 < ncEnd; j0 += NR) {
                        packRows(b, kb * n + j0, n, kc, Math.min(NR, ncEnd - j0), packed, (j0 - jc) * KC);
                    }
                }
                for (int i0 = 0; i0 < count; i0 += MR) {
                    int filled = Math.min(MR, count - i0);
                    skippingTile(a, aOff + kb, k, n, order, i0, filled, kc, w);
                    // A listed step costs ~11% more than one of kernelRows' plain loop: skip only 1 in 8 or more.
                    if (w.taken[0] + w.taken[1] > 2 * (kc - kc / 8)) {
                        for (int j0 = jc; j0 < ncEnd; j0 += NR) {
                            int cols = Math.min(NR, ncEnd - j0);
                            if (accumulate) {
                                copyRows(c, cRows, 0, j0, tile, TILE_ROWS, 0, 0, MR, cols);
                            }
                            kernelRows(rows, 0, STEPS, MR, packed, block + (j0 - jc) * KC, kc, tile, 0, NR, accumulate);
                            copyRows(tile, TILE_ROWS, 0, 0, c, cRows, 0, j0, MR, cols);
                        }
                        continue;
                    }
                    for (int half = 0; half < (filled > MR / 2 ? 2 : 1); half++) {
                        int at = half * MR / 2;
                        for (int j0 = jc; j0 < ncEnd; j0 += 2 * NR) {
                            int cols = Math.min(2 * NR, ncEnd - j0);
                            int pOff = block + (j0 - jc) * KC;
                            if (cols == 2 * NR) {
                                kernelSkipping(rows, at * STEPS, packed, pOff, steps, half * STEPS, w.taken[half],
                                        c, cRows, at, j0, accumulate);
                                continue;
                            }
                            if (accumulate) {
                                copyRows(c, cRows, at, j0, tile, WIDE_TILE_ROWS, 0, 0, MR / 2, cols);
                            }
                            kernelSkipping(rows, at * STEPS, packed, pOff, steps, half * STEPS, w.taken[half],
                                    tile, WIDE_TILE_ROWS, 0, 0, accumulate);
                            copyRows(tile, WIDE_TILE_ROWS, 0, 0, c, cRows, at, j0, MR / 2, cols);
                        }
                    }
                }
            }
        }
    }

    /**
     * Rows {@code rowFrom … rowTo-1} of {@code a[·×k]} (from {@code aOff}) in an order where neighbours share their
     * zeros, in {@code w.order[0 …]}: the tiles of {@link #multiplyManyRows} skip the steps where all of 4 rows are
     * zero. Rows that may be square images ({@link #imageSide}) go by the width of their nonzero columns, then by
     * their first nonzero row; other rows by where their first and then their last nonzero value is; ties in row
     * order. In parts of 256 Fashion-MNIST test images, 4-row tiles take 63% of the steps by width (8-row ones 66%),
     * against 66% (71%) by first and last nonzero value and 79% (87%) as the rows come. The order changes no result:
     * each row's sums go to its own row of c.
     */
    private static int[] outlineOrder(float[] a, int aOff, int k, int rowFrom, int rowTo, Workspace w) {
        int rows = rowTo - rowFrom;
        long[] keys = w.keys(rows);
        if (rows > POSITION_MASK) {
            return rowsAsTheyCome(w.order, rowFrom, rows);
        }
        int side = imageSide(k);
        for (int i = 0; i < rows; i++) {
            int start = aOff + (rowFrom + i) * k;
            int first = firstNonzero(a, start, k);
            int width = side > 0 && first < k ? nonzeroWidth(a, start, side, w.columnBits) : 0;
            keys[i] = rowKey(a, start, k, side, first, width, i);
        }
        return rowsByKey(keys, rows, rowFrom, w.order);
    }

    /** The position of the first value of {@code a[start … start+k)} that is not ±0, or k. */
    static int firstNonzero(float[] a, int start, int k) {
        int first = 0;
        while (first < k && a[start + first] == 0f) {
            first++;
        }
        return first;
    }

    /**
     * {@link #outlineOrder}'s key of row i, starting at {@code a[start]}, whose first nonzero value is at
     * {@code first}: for an image of side {@code side} (else 0), its nonzero columns' {@code width} then its first
     * nonzero row; for other rows, the first and then the last nonzero position; then i. Shared with
     * {@link Vector256Kernels}, which finds the width on its own vectors.
     */
    static long rowKey(float[] a, int start, int k, int side, int first, int width, int i) {
        long shape;
        if (side > 0) {
            shape = first == k ? 0 : (long) width << 5 | first / side;
        } else {
            int last = k - 1;
            while (last > first && a[start + last] == 0f) {
                last--;
            }
            shape = (long) Math.min(first, POSITION_MASK) << 21 | Math.min(last, POSITION_MASK);
        }
        return shape << 21 | i;
    }

    /** Rows {@code rowFrom …} in the order of their {@link #rowKey}s, in {@code order}. */
    static int[] rowsByKey(long[] keys, int rows, int rowFrom, int[] order) {
        java.util.Arrays.sort(keys, 0, rows);
        for (int i = 0; i < rows; i++) {
            order[i] = rowFrom + (int) (keys[i] & POSITION_MASK);
        }
        return order;
    }

    /** Rows {@code rowFrom …} as they come, for more rows than {@link #rowKey} has room to number. */
    static int[] rowsAsTheyCome(int[] order, int rowFrom, int rows) {
        for (int i = 0; i < rows; i++) {
            order[i] = rowFrom + i;
        }
        return order;
    }

    /**
     * The side s when rows of k values may be s×s images (k = s² with 20 ≤ s ≤ 32: MNIST-like 28², 32² grey
     * images), else 0. Below 20 the test would take hidden layers of 256 units (16²) for images, where it measured
     * slower than {@link #outlineOrder}'s other key. Either order gives the same results; only speed is at stake.
     */
    static int imageSide(int k) {
        int side = (int) Math.round(Math.sqrt(k));
        return side * side == k && side >= 20 && side <= 32 ? side : 0;
    }

    /**
     * The width of the nonzero part of an s×s image in row order from {@code a[start]} ({@code side} s, 16 … 32):
     * the span from its first to its last column holding a nonzero value; the image must hold one. The columns are
     * or-ed over all rows, two overlapping vectors per row, in {@code columns} (16 ints and 16 more): a vector
     * carried from one pass of the loop to the next, C2 allocates.
     */
    static int nonzeroWidth(float[] a, int start, int side, int[] columns) {
        java.util.Arrays.fill(columns, 0, 2 * LANES, 0);
        for (int r = 0, at = start; r < side; r++, at += side) {
            IntVector.fromArray(I, columns, 0).or(FloatVector.fromArray(S, a, at).reinterpretAsInts())
                    .intoArray(columns, 0);
            IntVector.fromArray(I, columns, LANES)
                    .or(FloatVector.fromArray(S, a, at + side - LANES).reinterpretAsInts()).intoArray(columns, LANES);
        }
        int nonzero = 0; // bit j: column j (a vector mask's toLong would allocate on JDK 17)
        for (int j = 0; j < LANES; j++) {
            nonzero |= ((columns[j] & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31 << j
                    | ((columns[LANES + j] & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31 << side - LANES + j;
        }
        return 31 - Integer.numberOfLeadingZeros(nonzero) - Integer.numberOfTrailingZeros(nonzero);
    }

    /** {@code dst[dstRows[dstAt + x] + dstCol + j] = src[srcRows[srcAt + x] + srcCol + j]}: part of a tile's rows. */
    private static void copyRows(float[] src, int[] srcRows, int srcAt, int srcCol, float[] dst, int[] dstRows,
                                 int dstAt, int dstCol, int rows, int cols) {
        for (int x = 0; x < rows; x++) {
            System.arraycopy(src, srcRows[srcAt + x] + srcCol, dst, dstRows[dstAt + x] + dstCol, cols);
        }
    }

    /** The 21 bits each position takes in {@link #outlineOrder}'s keys. */
    static final int POSITION_MASK = (1 << 21) - 1;

    /**
     * The tile of rows {@code order[i0 …]} ({@code rows} of them; the last repeats up to 8) of a K block from
     * {@code base}: copies the rows' {@code kc} values to {@code w.tileRows}, {@value #STEPS} apart, puts where they
     * start in c (rows of n) in {@code w.cRows}, and lists the steps q &lt; kc where any of its upper 4 rows is
     * nonzero in {@code w.steps} from 0, those of its lower 4 from {@value #STEPS}, how many in {@code w.taken}. A
     * step where all of 4 rows' values are zero adds {@code fma(0, w, c) = c} to each of their sums (w finite), so
     * the kernel may skip it and leave every result the same, bit for bit.
     */
    private static void skippingTile(float[] a, int base, int k, int n, int[] order, int i0, int rows, int kc,
                                     Workspace w) {
        for (int x = 0; x < MR; x++) {
            int row = order[i0 + Math.min(x, rows - 1)];
            System.arraycopy(a, base + row * k, w.tileRows, x * STEPS, kc);
            w.cRows[x] = row * n;
        }
        byte[] marks = w.marks(kc);
        for (int half = 0; half < 2; half++) {
            markTileNonzero(w.tileRows, half * MR / 2 * STEPS, kc, marks);
            w.taken[half] = stepsFromMarks(marks, kc, w.steps, half * STEPS);
        }
    }

    private static void multiplyRows(float[] a, int aOff, float[] b, float[] c, int k, int n,
                                     int rowFrom, int rowTo, int colFrom, int colTo) {
        Workspace w = WORKSPACE.get();
        float[] panel = w.panel;
        for (int kb = 0; kb < k; kb += KC) {
            int kc = Math.min(KC, k - kb);
            boolean accumulate = kb > 0;
            for (int j0 = colFrom; j0 < colTo; j0 += NR) {
                int cols = Math.min(NR, colTo - j0);
                packRows(b, kb * n + j0, n, kc, cols, panel);
                for (int i0 = rowFrom; i0 < rowTo; i0 += MR) {
                    int rows = Math.min(MR, rowTo - i0);
                    int base = aOff + i0 * k + kb;
                    if (rows == MR && cols == NR) {
                        kernelRows(a, base, k, MR, panel, 0, kc, c, i0 * n + j0, n, accumulate);
                    } else {
                        float[] tile = w.tile;
                        if (accumulate) {
                            loadTile(c, i0 * n + j0, n, rows, cols, tile);
                        }
                        kernelRows(a, base, k, rows, panel, 0, kc, tile, 0, NR, accumulate);
                        storeTile(tile, c, i0 * n + j0, n, rows, cols);
                    }
                }
            }
        }
    }

    /**
     * Writes the positions of the nonzero values of {@code a[aOff … aOff+k)} into {@code nonzero} (which has room for
     * {@value #LANES} more), in order, and returns how many there are, without a branch per value: marks 1 or 0
     * (nonzero when its bits other than the sign are not all 0: ±0 counts as zero, NaN as nonzero, as with
     * {@code a != 0f}), then {@link #stepsFromMarks}. On 784 Fashion-MNIST pixels: 0.20–0.26 µs, against
     * 0.36–0.38 µs listing position by position after the marks and 0.75 µs for one scalar pass testing and listing
     * each value.
     */
    private static int nonzeroIndices(float[] a, int aOff, int k, int[] nonzero, byte[] marks) {
        IntVector zero = IntVector.zero(I);
        IntVector one = IntVector.broadcast(I, 1);
        int p = 0;
        for (; p + LANES <= k; p += LANES) {
            IntVector magnitude = FloatVector.fromArray(S, a, aOff + p).reinterpretAsInts().and(Integer.MAX_VALUE);
            zero.blend(one, magnitude.compare(VectorOperators.NE, 0))
                    .convertShape(VectorOperators.I2B, ByteVector.SPECIES_128, 0).reinterpretAsBytes()
                    .intoArray(marks, p);
        }
        for (; p < k; p++) {
            marks[p] = (byte) (((Float.floatToRawIntBits(a[aOff + p]) & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31);
        }
        return stepsFromMarks(marks, k, nonzero, 0);
    }

    /**
     * {@link #nonzeroIndices}' marks for 4 rows of a tile, {@code a[at + x·STEPS …]}: 1 where any of the 4 is
     * nonzero. Its rows are read at offsets of their own, not in a loop: a loop would carry a vector from one pass to
     * the next, and C2 then allocates it.
     */
    private static void markTileNonzero(float[] a, int at, int len, byte[] marks) {
        IntVector zero = IntVector.zero(I);
        IntVector one = IntVector.broadcast(I, 1);
        int r1 = at + STEPS;
        int r2 = at + 2 * STEPS;
        int r3 = at + 3 * STEPS;
        int p = 0;
        for (; p + LANES <= len; p += LANES) {
            IntVector bits = FloatVector.fromArray(S, a, at + p).reinterpretAsInts()
                    .or(FloatVector.fromArray(S, a, r1 + p).reinterpretAsInts())
                    .or(FloatVector.fromArray(S, a, r2 + p).reinterpretAsInts())
                    .or(FloatVector.fromArray(S, a, r3 + p).reinterpretAsInts());
            zero.blend(one, bits.and(Integer.MAX_VALUE).compare(VectorOperators.NE, 0))
                    .convertShape(VectorOperators.I2B, ByteVector.SPECIES_128, 0).reinterpretAsBytes()
                    .intoArray(marks, p);
        }
        for (; p < len; p++) {
            int bits = Float.floatToRawIntBits(a[at + p]) | Float.floatToRawIntBits(a[r1 + p])
                    | Float.floatToRawIntBits(a[r2 + p]) | Float.floatToRawIntBits(a[r3 + p]);
            marks[p] = (byte) (((bits & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31);
        }
    }

    /**
     * Writes the positions of the 1s among {@code marks[0 … len)} into {@code steps} from {@code at}, in order, and
     * returns how many there are; steps has room for {@value #LANES} more. Eight marks at a time are read as one
     * long, folded into an 8-bit mask by a multiplication (bit i of the top byte collects byte i; no carries, as
     * each byte is 0 or 1), and the mask's row of {@link #POSITIONS} plus the group's start is stored as one vector;
     * the count grows by the mask's bit count, so the next group's store overwrites the unused lanes. JDK 17 has no
     * vector compress, and its mask {@code toLong} is slow, hence the multiplication.
     */
    private static int stepsFromMarks(byte[] marks, int len, int[] steps, int at) {
        int count = 0;
        int q = 0;
        for (; q + 8 <= len; q += 8) {
            int mask = (int) (((long) EIGHT_MARKS.get(marks, q) * 0x0102040810204080L) >>> 56);
            IntVector.fromArray(I, POSITIONS, mask * LANES).add(IntVector.broadcast(I, q)).intoArray(steps, at + count);
            count += Integer.bitCount(mask);
        }
        for (; q < len; q++) {
            steps[at + count] = q;
            count += marks[q];
        }
        return count;
    }

    /** Eight bytes of a {@code byte[]} read as one long, byte i in bits 8i … 8i+7. */
    private static final VarHandle EIGHT_MARKS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /**
     * For each 8-bit mask, the positions of its set bits in ascending order, in a row of {@value #LANES} (the rest
     * 0): {@code POSITIONS[mask * 16 + j]} is the j-th set bit. Rows of 8 ints, read as 256-bit vectors, made the scan
     * five to ten times slower on JDK 17 than rows of 16 read as 512-bit ones.
     */
    private static final int[] POSITIONS = new int[256 * LANES];

    static {
        for (int mask = 0; mask < 256; mask++) {
            int j = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((mask >>> bit & 1) != 0) {
                    POSITIONS[mask * LANES + j++] = bit;
                }
            }
        }
    }

    /**
     * Columns {@code jFrom … jTo-1} of one row of the result, {@code c[cOff …] = a[aOff … aOff+k) · b[k×n]},
     * reading b in place, 128 columns at a time with eight accumulators (independent FMA chains, and each row
     * of b read as 512 contiguous bytes), then 16 at a time, then the last few in part of one vector.
     *
     * <p>Only the rows of b facing a nonzero input are read ({@code nonzero}, the first {@code count} positions):
     * one example's inputs are often half zeros (background pixels, inputs a relu cut off), and with a finite
     * weight w a zero input adds {@code fma(0, w, c) = c} exactly (the sum starts at +0 and so is never −0), so
     * the result is the same, bit for bit. With an infinite or NaN weight a zero input adds nothing here, where
     * {@code 0·∞} would make the sum NaN; sparse-matrix libraries, which store no zeros, behave the same way.
     */
    private static void rowTimesMatrix(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int n,
                                       int jFrom, int jTo, int[] nonzero, int count, boolean accumulate) {
        int j = jFrom;
        for (; j + 8 * LANES <= jTo; j += 8 * LANES) {
            int to = cOff + j;
            FloatVector c0 = FloatVector.zero(S);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            if (accumulate) {
                c0 = FloatVector.fromArray(S, c, to);
                c1 = FloatVector.fromArray(S, c, to + LANES);
                c2 = FloatVector.fromArray(S, c, to + 2 * LANES);
                c3 = FloatVector.fromArray(S, c, to + 3 * LANES);
                c4 = FloatVector.fromArray(S, c, to + 4 * LANES);
                c5 = FloatVector.fromArray(S, c, to + 5 * LANES);
                c6 = FloatVector.fromArray(S, c, to + 6 * LANES);
                c7 = FloatVector.fromArray(S, c, to + 7 * LANES);
            }
            for (int q = 0; q < count; q++) {
                int p = nonzero[q];
                int bi = bOff + p * n + j;
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                c0 = x.fma(FloatVector.fromArray(S, b, bi), c0);
                c1 = x.fma(FloatVector.fromArray(S, b, bi + LANES), c1);
                c2 = x.fma(FloatVector.fromArray(S, b, bi + 2 * LANES), c2);
                c3 = x.fma(FloatVector.fromArray(S, b, bi + 3 * LANES), c3);
                c4 = x.fma(FloatVector.fromArray(S, b, bi + 4 * LANES), c4);
                c5 = x.fma(FloatVector.fromArray(S, b, bi + 5 * LANES), c5);
                c6 = x.fma(FloatVector.fromArray(S, b, bi + 6 * LANES), c6);
                c7 = x.fma(FloatVector.fromArray(S, b, bi + 7 * LANES), c7);
            }
            c0.intoArray(c, to);
            c1.intoArray(c, to + LANES);
            c2.intoArray(c, to + 2 * LANES);
            c3.intoArray(c, to + 3 * LANES);
            c4.intoArray(c, to + 4 * LANES);
            c5.intoArray(c, to + 5 * LANES);
            c6.intoArray(c, to + 6 * LANES);
            c7.intoArray(c, to + 7 * LANES);
        }
        for (; j + LANES <= jTo; j += LANES) {
            FloatVector c0 = accumulate ? FloatVector.fromArray(S, c, cOff + j) : FloatVector.zero(S);
            for (int q = 0; q < count; q++) {
                int p = nonzero[q];
                c0 = FloatVector.broadcast(S, a[aOff + p]).fma(FloatVector.fromArray(S, b, bOff + p * n + j), c0);
            }
            c0.intoArray(c, cOff + j);
        }
        if (j < jTo) {
            // The last few columns as the first lanes of one vector (the other lanes are computed and dropped). Rows
            // of b whose 16 floats would run past its end are finished lane by lane: the same fma, the same result.
            int cols = jTo - j;
            float[] lanes = WORKSPACE.get().tile;
            FloatVector c0 = FloatVector.zero(S);
            if (accumulate) {
                c0.intoArray(lanes, 0);
                System.arraycopy(c, cOff + j, lanes, 0, cols);
                c0 = FloatVector.fromArray(S, lanes, 0);
            }
            int q = 0;
            for (; q < count && bOff + nonzero[q] * n + j + LANES <= b.length; q++) {
                int p = nonzero[q];
                c0 = FloatVector.broadcast(S, a[aOff + p]).fma(FloatVector.fromArray(S, b, bOff + p * n + j), c0);
            }
            c0.intoArray(lanes, 0);
            for (; q < count; q++) {
                int p = nonzero[q];
                for (int x = 0; x < cols; x++) {
                    lanes[x] = Math.fma(a[aOff + p], b[bOff + p * n + j + x], lanes[x]);
                }
            }
            System.arraycopy(lanes, 0, c, cOff + j, cols);
        }
    }

    /**
     * One row's products {@code c[0 … n) (+)= a[from … to) · b[from … to)[0 … n)}, b being {@code k×n}: the part of
     * {@code a · b} that rows {@code from … to-1} of b contribute, summed as {@link #multiply} sums one row (nonzero
     * inputs only, in order), and continuing the sums already in c when {@code accumulate}. Called on consecutive
     * ranges, from 0 and then accumulating, it leaves in c the same bits as multiply's one call: each sum is one
     * chain of fma, and stopping it to store and reload its value changes nothing. So a thread can begin a layer's
     * sums on the inputs it has while another still computes the rest.
     */
    static void rowTimesRows(float[] a, float[] b, float[] c, int n, int from, int to, boolean accumulate) {
        Workspace w = WORKSPACE.get();
        int[] nonzero = w.indices(to - from);
        int count = nonzeroIndices(a, from, to - from, nonzero, w.marks(to - from));
        rowTimesMatrix(a, from, b, from * n, c, 0, n, 0, n, nonzero, count, accumulate);
    }

    /** {@code c[cOff + j] += v[j]} for j in {@code from … to-1}: part of a bias added to one row. */
    static void add(float[] c, int cOff, float[] v, int from, int to) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            FloatVector.fromArray(S, c, cOff + j).add(FloatVector.fromArray(S, v, j)).intoArray(c, cOff + j);
        }
        for (; j < to; j++) {
            c[cOff + j] += v[j];
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // c[k×n] = a[m×k]ᵀ · b[m×n]

    /** {@code c[k×n] = a[m×k]ᵀ · b[m×n]}: the weight gradient Xᵀ·dY without materialising Xᵀ. */
    public static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n) {
        multiplyTransposedLeft(a, b, c, m, k, n, 0, k, 0, n);
    }

    /** Rows {@code rowFrom … rowTo-1} (of k) by columns {@code colFrom … colTo-1} of {@code c = aᵀ·b}. */
    static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n,
                                       int rowFrom, int rowTo, int colFrom, int colTo) {
        if (n <= NARROW) {
            narrowProduct(a, 0, 1, k, m, b, n, c, rowFrom, rowTo);
            return;
        }
        Workspace w = WORKSPACE.get();
        float[] panel = w.panel;
        for (int ib = 0; ib < m; ib += KC) {
            int kc = Math.min(KC, m - ib);
            boolean accumulate = ib > 0;
            for (int j0 = colFrom; j0 < colTo; j0 += NR) {
                int cols = Math.min(NR, colTo - j0);
                packRows(b, ib * n + j0, n, kc, cols, panel);
                for (int p0 = rowFrom; p0 < rowTo; p0 += MR) {
                    int rows = Math.min(MR, rowTo - p0);
                    if (rows == MR && cols == NR) {
                        kernelColumns(a, ib * k + p0, k, panel, 0, kc, c, p0 * n + j0, n, accumulate);
                    } else {
                        edgeTile(a, k, ib, kc, p0, rows, panel, 0, c, n, j0, cols, accumulate, w);
                    }
                }
            }
        }
    }

    /**
     * {@link #multiplyTransposedLeft(float[], float[], float[], int, int, int, int, int, int, int)} for an a whose
     * columns are often zero together ({@link #skipsInTransposedLeft}), such as a batch of images: each 8-column
     * tile of a lists the rows q where any of its columns is nonzero, once for all the panels of b, and its kernel
     * takes only those. A row where a tile is all zero adds {@code fma(0, b, c) = c} to each of its sums (b finite),
     * so every result is the same, bit for bit. On Fashion-MNIST batches the tiles skip 28% of the rows, and the
     * first layer's weight gradient took 374–376 against 477–489 µs per step (one thread, Zen 4).
     */
    static void multiplyTransposedLeftSkipping(float[] a, float[] b, float[] c, int m, int k, int n,
                                               int rowFrom, int rowTo, int colFrom, int colTo) {
        Workspace w = WORKSPACE.get();
        float[] packed = w.packed();
        int[] steps = w.steps;
        for (int ib = 0; ib < m; ib += KC) {
            int kc = Math.min(KC, m - ib);
            boolean accumulate = ib > 0;
            byte[] marks = w.marks(kc);
            for (int jc = colFrom; jc < colTo; jc += NC) {
                int ncEnd = Math.min(colTo, jc + NC);
                for (int j0 = jc; j0 < ncEnd; j0 += NR) {
                    packRows(b, ib * n + j0, n, kc, Math.min(NR, ncEnd - j0), packed, (j0 - jc) * KC);
                }
                for (int p0 = rowFrom; p0 < rowTo; p0 += MR) {
                    int rows = Math.min(MR, rowTo - p0);
                    int off = ib * k + p0;
                    int taken = kc;
                    if (rows == MR) {
                        markColumnsNonzero(a, off, k, kc, marks);
                        taken = stepsFromMarks(marks, kc, steps, 0);
                    }
                    // A listed step costs more than one of the plain loop: skip only 1 in 8 or more.
                    boolean dense = taken > kc - kc / 8;
                    for (int j0 = jc; j0 < ncEnd; j0 += NR) {
                        int cols = Math.min(NR, ncEnd - j0);
                        int pOff = (j0 - jc) * KC;
                        if (rows == MR && cols == NR) {
                            if (dense) {
                                kernelColumns(a, off, k, packed, pOff, kc, c, p0 * n + j0, n, accumulate);
                            } else {
                                kernelColumnsSkipping(a, off, k, packed, pOff, steps, taken, c, p0 * n + j0, n,
                                        accumulate);
                            }
                        } else {
                            edgeTile(a, k, ib, kc, p0, rows, packed, pOff, c, n, j0, cols, accumulate, w);
                        }
                    }
                }
            }
        }
    }

    /**
     * The tile of {@code c = aᵀ·b} at rows p0… and columns j0… when it has fewer than 8 rows or 32 columns: a's
     * columns are copied, zero-padded, so the kernel reads in bounds, and the result goes through a whole tile.
     */
    private static void edgeTile(float[] a, int k, int ib, int kc, int p0, int rows, float[] panel, int pOff,
                                 float[] c, int n, int j0, int cols, boolean accumulate, Workspace w) {
        float[] columns = w.columns;
        for (int q = 0; q < kc; q++) {
            int from = (ib + q) * k + p0;
            for (int r = 0; r < MR; r++) {
                columns[q * MR + r] = r < rows ? a[from + r] : 0f;
            }
        }
        float[] tile = w.tile;
        if (accumulate) {
            loadTile(c, p0 * n + j0, n, rows, cols, tile);
        }
        kernelColumns(columns, 0, MR, panel, pOff, kc, tile, 0, NR, accumulate);
        storeTile(tile, c, p0 * n + j0, n, rows, cols);
    }

    /** {@link #markTileNonzero} for 8 columns of a: 1 at q where any of {@code a[off + q·stride …+7]} is nonzero. */
    private static void markColumnsNonzero(float[] a, int off, int stride, int len, byte[] marks) {
        for (int q = 0, at = off; q < len; q++, at += stride) {
            marks[q] = (byte) (((eightBits(a, at) & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31);
        }
    }

    /** The bits of {@code a[at … at+7]} or-ed together: 0 or the sign bit alone when all eight are ±0. */
    private static int eightBits(float[] a, int at) {
        return Float.floatToRawIntBits(a[at]) | Float.floatToRawIntBits(a[at + 1])
                | Float.floatToRawIntBits(a[at + 2]) | Float.floatToRawIntBits(a[at + 3])
                | Float.floatToRawIntBits(a[at + 4]) | Float.floatToRawIntBits(a[at + 5])
                | Float.floatToRawIntBits(a[at + 6]) | Float.floatToRawIntBits(a[at + 7]);
    }

    /**
     * Whether a[m×k]ᵀ·b[m×n] is worth {@link #multiplyTransposedLeftSkipping}: a's columns are often zero together
     * ({@link #zeroTilesAreCommon}), its m rows fit one K block, and b is not narrow ({@link #narrowProduct}).
     */
    static boolean skipsInTransposedLeft(float[] a, int m, int k, int n) {
        return m <= KC && n > NARROW && zeroTilesAreCommon(a, 0, m, k);
    }

    /**
     * Whether a[m×k]·b[k×n] (a from {@code aOff}), a batch of up to {@value #FEW_ROWS} rows, is worth
     * {@link #multiplyManyRows}, whose 8-row tiles skip the steps where all their rows are zero, rather than the plain
     * tiles of {@link #multiplyRows}: a's columns are often zero together ({@link #zeroTilesAreCommon}). With fewer
     * than {@value #SMALL_M} rows each zero input is skipped already ({@link #rowTimesMatrix}).
     */
    static boolean skipsInMultiply(float[] a, int aOff, int m, int k, int n) {
        return m >= SMALL_M && m <= FEW_ROWS && n > NARROW && zeroTilesAreCommon(a, aOff, m, k);
    }

    /**
     * Whether, in the first rows (up to 16) of a[m×k] from {@code aOff}, at least one 8-column group in 8 is all zero
     * (Fashion-MNIST: 28%). Images have their background; dense data and ReLU outputs (whose zeros fall apart) do
     * not, and keep the plain loops, for which listing the steps would be pure cost.
     */
    private static boolean zeroTilesAreCommon(float[] a, int aOff, int m, int k) {
        int rows = Math.min(m, 16);
        int groups = k / MR;
        int zero = 0;
        for (int q = 0; q < rows; q++) {
            for (int g = 0, at = aOff + q * k; g < groups; g++, at += MR) {
                zero += (eightBits(a, at) & Integer.MAX_VALUE) == 0 ? 1 : 0;
            }
        }
        return groups > 0 && zero * 8 >= rows * groups;
    }

    /**
     * Rows {@code rowFrom … rowTo-1} of a product whose b has at most {@value #NARROW} columns (an output layer of
     * ten classes): {@code c[i][j] = Σ_q l(i, q)·b[q][j]} over {@code steps} steps q, where
     * {@code l(i, q) = l[off + i·xStride + q·qStride]} (a's row i for {@code a·b}, its column i for {@code aᵀ·b}).
     * Each 8-row tile keeps one vector per row, lanes 0 … n-1 live, with b's rows padded to a vector, a block of
     * {@value #KC} steps at a time (32 KB, in L1): the 32-column tiles would compute at least half their lanes for
     * nothing (128×128·128×10: 11.5 against 7.5 µs; its {@code aᵀ·b}: 16.5 against 7.5 µs, the columns of a
     * copied for every edge tile). Eight broadcasts per eight FMAs bound it (Zen 4). Sums in step order from 0, as
     * the reference's, stored and reloaded between blocks: the same bits.
     */
    private static void narrowProduct(float[] l, int off, int xStride, int qStride, int steps, float[] b, int n,
                                      float[] c, int rowFrom, int rowTo) {
        Workspace w = WORKSPACE.get();
        float[] padded = w.padded;
        float[] tile = w.tile;
        for (int kb = 0; kb < steps; kb += KC) {
            int kc = Math.min(KC, steps - kb);
            for (int q = 0; q < kc; q++) {
                System.arraycopy(b, (kb + q) * n, padded, q * LANES, n);
            }
            for (int i0 = rowFrom; i0 < rowTo; i0 += MR) {
                int rows = Math.min(MR, rowTo - i0);
                if (kb > 0) {
                    for (int x = 0; x < rows; x++) {
                        System.arraycopy(c, (i0 + x) * n, tile, x * LANES, n);
                    }
                }
                narrowTile(l, off + kb * qStride, xStride, qStride, kc, padded, tile, i0, rows, kb > 0);
                for (int x = 0; x < rows; x++) {
                    System.arraycopy(tile, x * LANES, c, (i0 + x) * n, n);
                }
            }
        }
    }

    /**
     * {@link #narrowProduct}'s tile of rows {@code i0 …} (rows of them; the last repeats up to 8) over {@code kc}
     * steps, into {@code tile} (a vector per row), added to what it holds when {@code accumulate}.
     */
    private static void narrowTile(float[] l, int off, int xStride, int qStride, int kc, float[] padded,
                                   float[] tile, int i0, int rows, boolean accumulate) {
        int l0 = off + i0 * xStride;
        int l1 = off + (i0 + Math.min(1, rows - 1)) * xStride;
        int l2 = off + (i0 + Math.min(2, rows - 1)) * xStride;
        int l3 = off + (i0 + Math.min(3, rows - 1)) * xStride;
        int l4 = off + (i0 + Math.min(4, rows - 1)) * xStride;
        int l5 = off + (i0 + Math.min(5, rows - 1)) * xStride;
        int l6 = off + (i0 + Math.min(6, rows - 1)) * xStride;
        int l7 = off + (i0 + Math.min(7, rows - 1)) * xStride;
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (accumulate) {
            c0 = FloatVector.fromArray(S, tile, 0);
            c1 = FloatVector.fromArray(S, tile, LANES);
            c2 = FloatVector.fromArray(S, tile, 2 * LANES);
            c3 = FloatVector.fromArray(S, tile, 3 * LANES);
            c4 = FloatVector.fromArray(S, tile, 4 * LANES);
            c5 = FloatVector.fromArray(S, tile, 5 * LANES);
            c6 = FloatVector.fromArray(S, tile, 6 * LANES);
            c7 = FloatVector.fromArray(S, tile, 7 * LANES);
        } else {
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.zero(S);
        }
        for (int q = 0, lq = 0, pq = 0; q < kc; q++, lq += qStride, pq += LANES) {
            FloatVector row = FloatVector.fromArray(S, padded, pq);
            c0 = FloatVector.broadcast(S, l[l0 + lq]).fma(row, c0);
            c1 = FloatVector.broadcast(S, l[l1 + lq]).fma(row, c1);
            c2 = FloatVector.broadcast(S, l[l2 + lq]).fma(row, c2);
            c3 = FloatVector.broadcast(S, l[l3 + lq]).fma(row, c3);
            c4 = FloatVector.broadcast(S, l[l4 + lq]).fma(row, c4);
            c5 = FloatVector.broadcast(S, l[l5 + lq]).fma(row, c5);
            c6 = FloatVector.broadcast(S, l[l6 + lq]).fma(row, c6);
            c7 = FloatVector.broadcast(S, l[l7 + lq]).fma(row, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, LANES);
        c2.intoArray(tile, 2 * LANES);
        c3.intoArray(tile, 3 * LANES);
        c4.intoArray(tile, 4 * LANES);
        c5.intoArray(tile, 5 * LANES);
        c6.intoArray(tile, 6 * LANES);
        c7.intoArray(tile, 7 * LANES);
    }

    // ---------------------------------------------------------------------------------------------------------
    // c[m×k] = a[m×n] · b[k×n]ᵀ

    /**
     * {@code c[m×k] = a[m×n] · b[k×n]ᵀ}: the input gradient dY·Wᵀ without materialising Wᵀ. Rows of a are read in
     * place; 32 rows of b at a time are transposed into a panel. (Packing the smaller a instead and storing the
     * result tiles transposed was measured no faster on the MLP's shapes, and slower on 128×128·(256×128)ᵀ.)
     */
    public static void multiplyTransposedRight(float[] a, float[] b, float[] c, int m, int n, int k) {
        multiplyTransposedRight(a, b, c, m, n, k, 0, m, 0, k);
    }

    /** Rows {@code rowFrom … rowTo-1} (of m) by columns {@code colFrom … colTo-1} (of k) of {@code c = a·bᵀ}. */
    static void multiplyTransposedRight(float[] a, float[] b, float[] c, int m, int n, int k,
                                        int rowFrom, int rowTo, int colFrom, int colTo) {
        Workspace w = WORKSPACE.get();
        float[] panel = w.panel;
        float[] tile = w.tile;
        for (int jb = 0; jb < n; jb += KC) {
            int kc = Math.min(KC, n - jb);
            boolean accumulate = jb > 0;
            for (int p0 = colFrom; p0 < colTo; p0 += NR) {
                int cols = Math.min(NR, colTo - p0);
                packTransposed(b, p0 * n + jb, n, kc, cols, panel);
                for (int i0 = rowFrom; i0 < rowTo; i0 += MR) {
                    int rows = Math.min(MR, rowTo - i0);
                    int base = i0 * n + jb;
                    if (rows == MR && cols == NR) {
                        kernelRows(a, base, n, MR, panel, 0, kc, c, i0 * k + p0, k, accumulate);
                    } else {
                        if (accumulate) {
                            loadTile(c, i0 * k + p0, k, rows, cols, tile);
                        }
                        kernelRows(a, base, n, rows, panel, 0, kc, tile, 0, NR, accumulate);
                        storeTile(tile, c, i0 * k + p0, k, rows, cols);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Packing and tiles

    /** {@code panel[q·32 + j] = src[from + q·stride + j]} for j < cols, zero for cols ≤ j < 32. */
    private static void packRows(float[] src, int from, int stride, int kc, int cols, float[] panel) {
        packRows(src, from, stride, kc, cols, panel, 0);
    }

    /** {@link #packRows(float[], int, int, int, int, float[])} into the panel that starts at {@code panel[to]}. */
    private static void packRows(float[] src, int from, int stride, int kc, int cols, float[] panel, int to) {
        for (int q = 0; q < kc; q++) {
            int row = to + q * NR;
            System.arraycopy(src, from + q * stride, panel, row, cols);
            if (cols < NR) {
                java.util.Arrays.fill(panel, row + cols, row + NR, 0f);
            }
        }
    }

    /** {@code panel[q·32 + j] = src[from + j·stride + q]}: the transpose of {@code cols} rows of src. */
    private static void packTransposed(float[] src, int from, int stride, int kc, int cols, float[] panel) {
        if (cols < NR) {
            java.util.Arrays.fill(panel, 0, kc * NR, 0f);
        }
        // Blocks of four source rows by four positions: sixteen loads, then sixteen stores, four to each panel row.
        // Per 32×256 panel 2.7–2.9 µs, against 3.7–5.0 µs taking four rows one position at a time (one thread,
        // alternating in one process); packing is a fifth to a quarter of an A·Bᵀ product.
        int j = 0;
        for (; j + 4 <= cols; j += 4) {
            int r0 = from + j * stride;
            int r1 = r0 + stride;
            int r2 = r1 + stride;
            int r3 = r2 + stride;
            int q = 0;
            for (; q + 4 <= kc; q += 4) {
                float a0 = src[r0 + q], a1 = src[r0 + q + 1], a2 = src[r0 + q + 2], a3 = src[r0 + q + 3];
                float b0 = src[r1 + q], b1 = src[r1 + q + 1], b2 = src[r1 + q + 2], b3 = src[r1 + q + 3];
                float c0 = src[r2 + q], c1 = src[r2 + q + 1], c2 = src[r2 + q + 2], c3 = src[r2 + q + 3];
                float d0 = src[r3 + q], d1 = src[r3 + q + 1], d2 = src[r3 + q + 2], d3 = src[r3 + q + 3];
                int to = q * NR + j;
                panel[to] = a0;
                panel[to + 1] = b0;
                panel[to + 2] = c0;
                panel[to + 3] = d0;
                panel[to + NR] = a1;
                panel[to + NR + 1] = b1;
                panel[to + NR + 2] = c1;
                panel[to + NR + 3] = d1;
                panel[to + 2 * NR] = a2;
                panel[to + 2 * NR + 1] = b2;
                panel[to + 2 * NR + 2] = c2;
                panel[to + 2 * NR + 3] = d2;
                panel[to + 3 * NR] = a3;
                panel[to + 3 * NR + 1] = b3;
                panel[to + 3 * NR + 2] = c3;
                panel[to + 3 * NR + 3] = d3;
            }
            for (int to = q * NR + j; q < kc; q++, to += NR) {
                panel[to] = src[r0 + q];
                panel[to + 1] = src[r1 + q];
                panel[to + 2] = src[r2 + q];
                panel[to + 3] = src[r3 + q];
            }
        }
        for (; j < cols; j++) {
            int row = from + j * stride;
            for (int q = 0, to = j; q < kc; q++, to += NR) {
                panel[to] = src[row + q];
            }
        }
    }

    private static void loadTile(float[] c, int off, int stride, int rows, int cols, float[] tile) {
        for (int x = 0; x < rows; x++) {
            System.arraycopy(c, off + x * stride, tile, x * NR, cols);
        }
    }

    private static void storeTile(float[] tile, float[] c, int off, int stride, int rows, int cols) {
        for (int x = 0; x < rows; x++) {
            System.arraycopy(tile, x * NR, c, off + x * stride, cols);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Micro-kernels: an 8×32 tile, sixteen accumulators, kc rank-1 updates.

    /**
     * {@code tile (+)= L · panel} where row x of L is {@code l[base + x·lStride …]} (rows beyond {@code rows}
     * repeat the last valid one, so reads stay in bounds) and the panel is {@code kc × 32} from {@code pOff}. The tile is
     * {@code c[cOff + x·cStride + j]}; with {@code accumulate} it is loaded first, else it starts at zero.
     */
    private static void kernelRows(float[] l, int base, int lStride, int rows, float[] panel, int pOff, int kc,
                                   float[] c, int cOff, int cStride, boolean accumulate) {
        int l0 = base;
        int l1 = base + Math.min(1, rows - 1) * lStride;
        int l2 = base + Math.min(2, rows - 1) * lStride;
        int l3 = base + Math.min(3, rows - 1) * lStride;
        int l4 = base + Math.min(4, rows - 1) * lStride;
        int l5 = base + Math.min(5, rows - 1) * lStride;
        int l6 = base + Math.min(6, rows - 1) * lStride;
        int l7 = base + Math.min(7, rows - 1) * lStride;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + LANES);
            c10 = FloatVector.fromArray(S, c, cOff + cStride);
            c11 = FloatVector.fromArray(S, c, cOff + cStride + LANES);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * cStride);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * cStride + LANES);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * cStride);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * cStride + LANES);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * cStride);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * cStride + LANES);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * cStride);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * cStride + LANES);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * cStride);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * cStride + LANES);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * cStride);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * cStride + LANES);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c00;
        }
        // The panel's index is computed from q, not kept as a second induction variable: C2 then removes its range
        // check and has one register more for the eight row offsets. Short of registers, C2 sometimes compiled this
        // loop with an accumulator spilled to the stack, ~30% slower, in some JVM runs and not others (see the GEMM
        // section of docs/performance.md); with the register freed that happens less, and costs less.
        for (int q = 0; q < kc; q++) {
            int pi = pOff + q * NR;
            FloatVector b0 = FloatVector.fromArray(S, panel, pi);
            FloatVector b1 = FloatVector.fromArray(S, panel, pi + LANES);
            FloatVector x = FloatVector.broadcast(S, l[l0 + q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, l[l1 + q]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, l[l2 + q]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, l[l3 + q]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, l[l4 + q]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, l[l5 + q]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, l[l6 + q]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, l[l7 + q]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + LANES);
        c10.intoArray(c, cOff + cStride);
        c11.intoArray(c, cOff + cStride + LANES);
        c20.intoArray(c, cOff + 2 * cStride);
        c21.intoArray(c, cOff + 2 * cStride + LANES);
        c30.intoArray(c, cOff + 3 * cStride);
        c31.intoArray(c, cOff + 3 * cStride + LANES);
        c40.intoArray(c, cOff + 4 * cStride);
        c41.intoArray(c, cOff + 4 * cStride + LANES);
        c50.intoArray(c, cOff + 5 * cStride);
        c51.intoArray(c, cOff + 5 * cStride + LANES);
        c60.intoArray(c, cOff + 6 * cStride);
        c61.intoArray(c, cOff + 6 * cStride + LANES);
        c70.intoArray(c, cOff + 7 * cStride);
        c71.intoArray(c, cOff + 7 * cStride + LANES);
    }

    /**
     * {@code tile (+)= L · panels} for 4 rows of a tile of {@link #multiplyManyRows} and 64 columns (two 32-column
     * panels, the second {@code KC·32} floats after the first), taking only the steps {@code steps[from …]}
     * ({@code count} of them): row x of L is {@code l[at + x·STEPS …]}, row x of the tile is at
     * {@code c[cRows[rowsAt + x] + cCol]}. Four rows, not kernelRows' eight: fewer rows share fewer nonzero steps
     * (8-row tiles of Fashion-MNIST images took 66% of the steps, 4-row ones 63%), and each step loads 4 panel vectors
     * and broadcasts 4 values for its 16 FMAs, against 2 and 8. Its own loop, not kernelRows reading a list of every
     * step: C2 cannot remove the range checks of loads at listed positions, which made dense products 8% slower.
     */
    private static void kernelSkipping(float[] l, int at, float[] panel, int pOff, int[] steps, int from, int count,
                                       float[] c, int[] cRows, int rowsAt, int cCol, boolean accumulate) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        int r0 = cRows[rowsAt] + cCol;
        int r1 = cRows[rowsAt + 1] + cCol;
        int r2 = cRows[rowsAt + 2] + cCol;
        int r3 = cRows[rowsAt + 3] + cCol;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, r0);
            c01 = FloatVector.fromArray(S, c, r0 + LANES);
            c02 = FloatVector.fromArray(S, c, r0 + 2 * LANES);
            c03 = FloatVector.fromArray(S, c, r0 + 3 * LANES);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + LANES);
            c12 = FloatVector.fromArray(S, c, r1 + 2 * LANES);
            c13 = FloatVector.fromArray(S, c, r1 + 3 * LANES);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + LANES);
            c22 = FloatVector.fromArray(S, c, r2 + 2 * LANES);
            c23 = FloatVector.fromArray(S, c, r2 + 3 * LANES);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + LANES);
            c32 = FloatVector.fromArray(S, c, r3 + 2 * LANES);
            c33 = FloatVector.fromArray(S, c, r3 + 3 * LANES);
        } else {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = FloatVector.zero(S);
            c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = c00;
        }
        for (int t = from; t < from + count; t++) {
            int q = steps[t];
            int pi = pOff + q * NR;
            FloatVector b0 = FloatVector.fromArray(S, panel, pi);
            FloatVector b1 = FloatVector.fromArray(S, panel, pi + LANES);
            FloatVector b2 = FloatVector.fromArray(S, panel, pi + KC * NR);
            FloatVector b3 = FloatVector.fromArray(S, panel, pi + KC * NR + LANES);
            int lq = at + q;
            FloatVector x = FloatVector.broadcast(S, l[lq]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, l[lq + STEPS]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, l[lq + 2 * STEPS]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, l[lq + 3 * STEPS]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + LANES);
        c02.intoArray(c, r0 + 2 * LANES);
        c03.intoArray(c, r0 + 3 * LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c12.intoArray(c, r1 + 2 * LANES);
        c13.intoArray(c, r1 + 3 * LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c22.intoArray(c, r2 + 2 * LANES);
        c23.intoArray(c, r2 + 3 * LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
        c32.intoArray(c, r3 + 2 * LANES);
        c33.intoArray(c, r3 + 3 * LANES);
    }

    /**
     * {@code tile (+)= L · panel} where L's column q (the 8 values of one tile column) is
     * {@code l[off + q·stride + x]}, x = 0…7: the left operand read down its columns, as in {@code Aᵀ·B}.
     */
    private static void kernelColumns(float[] l, int off, int stride, float[] panel, int pOff, int kc,
                                      float[] c, int cOff, int cStride, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + LANES);
            c10 = FloatVector.fromArray(S, c, cOff + cStride);
            c11 = FloatVector.fromArray(S, c, cOff + cStride + LANES);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * cStride);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * cStride + LANES);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * cStride);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * cStride + LANES);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * cStride);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * cStride + LANES);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * cStride);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * cStride + LANES);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * cStride);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * cStride + LANES);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * cStride);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * cStride + LANES);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c00;
        }
        for (int q = 0, li = off; q < kc; q++, li += stride) {
            FloatVector b0 = FloatVector.fromArray(S, panel, pOff + q * NR);
            FloatVector b1 = FloatVector.fromArray(S, panel, pOff + q * NR + LANES);
            FloatVector x = FloatVector.broadcast(S, l[li]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, l[li + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, l[li + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, l[li + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, l[li + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, l[li + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, l[li + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, l[li + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + LANES);
        c10.intoArray(c, cOff + cStride);
        c11.intoArray(c, cOff + cStride + LANES);
        c20.intoArray(c, cOff + 2 * cStride);
        c21.intoArray(c, cOff + 2 * cStride + LANES);
        c30.intoArray(c, cOff + 3 * cStride);
        c31.intoArray(c, cOff + 3 * cStride + LANES);
        c40.intoArray(c, cOff + 4 * cStride);
        c41.intoArray(c, cOff + 4 * cStride + LANES);
        c50.intoArray(c, cOff + 5 * cStride);
        c51.intoArray(c, cOff + 5 * cStride + LANES);
        c60.intoArray(c, cOff + 6 * cStride);
        c61.intoArray(c, cOff + 6 * cStride + LANES);
        c70.intoArray(c, cOff + 7 * cStride);
        c71.intoArray(c, cOff + 7 * cStride + LANES);
    }
    /** {@link #kernelColumns} over the steps {@code steps[0 … count)} only. */
    private static void kernelColumnsSkipping(float[] l, int off, int stride, float[] panel, int pOff,
                                              int[] steps, int count,
                                              float[] c, int cOff, int cStride, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + LANES);
            c10 = FloatVector.fromArray(S, c, cOff + cStride);
            c11 = FloatVector.fromArray(S, c, cOff + cStride + LANES);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * cStride);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * cStride + LANES);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * cStride);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * cStride + LANES);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * cStride);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * cStride + LANES);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * cStride);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * cStride + LANES);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * cStride);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * cStride + LANES);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * cStride);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * cStride + LANES);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c00;
        }
        for (int t = 0; t < count; t++) {
            int q = steps[t];
            int li = off + q * stride;
            FloatVector b0 = FloatVector.fromArray(S, panel, pOff + q * NR);
            FloatVector b1 = FloatVector.fromArray(S, panel, pOff + q * NR + LANES);
            FloatVector x = FloatVector.broadcast(S, l[li]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, l[li + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, l[li + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, l[li + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, l[li + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, l[li + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, l[li + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, l[li + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + LANES);
        c10.intoArray(c, cOff + cStride);
        c11.intoArray(c, cOff + cStride + LANES);
        c20.intoArray(c, cOff + 2 * cStride);
        c21.intoArray(c, cOff + 2 * cStride + LANES);
        c30.intoArray(c, cOff + 3 * cStride);
        c31.intoArray(c, cOff + 3 * cStride + LANES);
        c40.intoArray(c, cOff + 4 * cStride);
        c41.intoArray(c, cOff + 4 * cStride + LANES);
        c50.intoArray(c, cOff + 5 * cStride);
        c51.intoArray(c, cOff + 5 * cStride + LANES);
        c60.intoArray(c, cOff + 6 * cStride);
        c61.intoArray(c, cOff + 6 * cStride + LANES);
        c70.intoArray(c, cOff + 7 * cStride);
        c71.intoArray(c, cOff + 7 * cStride + LANES);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Element-wise helpers

    /** Adds {@code bias[n]} to each of the {@code m} rows of {@code c}. */
    public static void addRowVector(float[] c, float[] bias, int m, int n) {
        for (int i = 0; i < m; i++) {
            add(c, i * n, bias, 0, n);
        }
    }

    /** Codes decoded per pass of {@link #decode}: room for their indices in the workspace. */
    private static final int DECODE_BLOCK = 1024;

    /**
     * {@code x[dst + j] = table[codes[src + j] & 0xFF]} for j &lt; n, the table holding 256 entries: byte-coded
     * features decoded through their table. Sixteen codes at a time are widened to indices, then sixteen values
     * gathered from the table (about twice as fast as one at a time).
     */
    public static void decode(byte[] codes, int src, float[] table, float[] x, int dst, int n) {
        int[] index = WORKSPACE.get().indices(DECODE_BLOCK);
        for (int block = 0; block < n; block += DECODE_BLOCK) {
            int count = Math.min(DECODE_BLOCK, n - block);
            int upper = count - count % LANES;
            int from = src + block;
            for (int j = 0; j < upper; j += LANES) {
                ByteVector.fromArray(ByteVector.SPECIES_128, codes, from + j)
                        .convertShape(VectorOperators.B2I, IntVector.SPECIES_512, 0)
                        .reinterpretAsInts().and(0xFF).intoArray(index, j);
            }
            int to = dst + block;
            for (int j = 0; j < upper; j += LANES) {
                FloatVector.fromArray(S, table, 0, index, j).intoArray(x, to + j);
            }
            for (int j = upper; j < count; j++) {
                x[to + j] = table[codes[from + j] & 0xFF];
            }
        }
    }

    /**
     * {@code x[dst + j] = (codes[src + j] & 0xFF) / divisor} for j &lt; n: {@link #decode} for a table whose every
     * entry is {@code code / divisor}. Sixteen codes at a time are widened to floats (exactly) and divided, each
     * quotient rounded as the scalar division rounds it.
     */
    public static void decodeDividing(byte[] codes, int src, float divisor, float[] x, int dst, int n) {
        int upper = n - n % LANES;
        for (int j = 0; j < upper; j += LANES) {
            IntVector widened = (IntVector) ByteVector.fromArray(ByteVector.SPECIES_128, codes, src + j)
                    .convertShape(VectorOperators.B2I, IntVector.SPECIES_512, 0);
            ((FloatVector) widened.and(0xFF).convert(VectorOperators.I2F, 0)).div(divisor).intoArray(x, dst + j);
        }
        for (int j = upper; j < n; j++) {
            x[dst + j] = (codes[src + j] & 0xFF) / divisor;
        }
    }

    /** {@code sums[n]} = the column sums of {@code a[m×n]}, added row after row as the reference does. */
    public static void sumColumns(float[] a, float[] sums, int m, int n) {
        java.util.Arrays.fill(sums, 0, n, 0f);
        int upper = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            int j = 0;
            for (; j < upper; j += LANES) {
                FloatVector.fromArray(S, sums, j).add(FloatVector.fromArray(S, a, row + j)).intoArray(sums, j);
            }
            for (; j < n; j++) {
                sums[j] += a[row + j];
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The summation order, spelled out: the oracle the fast paths must match bit for bit.

    /** {@link #multiply} the slow way, in the same order: {@code c_ij = fma(a_i,k-1, b_k-1,j, … fma(a_i0, b_0j, 0))}. */
    public static void referenceMultiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], b[p * n + j], sum);
                }
                c[i * n + j] = sum;
            }
        }
    }

    /** {@link #multiplyTransposedLeft} the slow way, in the same order. */
    public static void referenceMultiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int i = 0; i < m; i++) {
                    sum = Math.fma(a[i * k + p], b[i * n + j], sum);
                }
                c[p * n + j] = sum;
            }
        }
    }

    /** {@link #multiplyTransposedRight} the slow way, in the same order. */
    public static void referenceMultiplyTransposedRight(float[] a, float[] b, float[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum = Math.fma(a[i * n + j], b[p * n + j], sum);
                }
                c[i * k + p] = sum;
            }
        }
    }
}
