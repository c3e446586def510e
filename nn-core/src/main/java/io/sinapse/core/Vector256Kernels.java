package io.sinapse.core;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The three products of training on 256-bit vectors (8 floats; AVX2), for CPUs without AVX-512, where
 * {@link VectorKernels} would be emulated: most laptops and desktops. Without them such a CPU ran the plain loops,
 * ~25 times slower than the vector kernels here.
 *
 * <p>One micro-kernel serves all three: a 6×16 tile of the result in twelve accumulators (AVX2 has sixteen
 * registers: twelve, two for a row of the panel and one for the broadcast value), the left operand read in place
 * along either of its dimensions, the right one read in place when its rows hold the tile's 16 columns and packed
 * into a 16-wide panel otherwise (the transposed {@code A·Bᵀ}, and the last, partial panel). Each result element is
 * summed as {@code c = 0; for p = 0 … k-1: c = fma(a_p, b_p, c)}, with no blocking of k, so the results are
 * bit-identical to {@link VectorKernels#referenceMultiply} and its twins (and to {@link VectorKernels} itself),
 * whatever the tile, the thread or the CPU. Also the decoding of byte pixels, the one other part of a step that
 * took long on the scalar loops (129 µs of a 1.4 ms step).
 */
final class Vector256Kernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int LANES = 8;
    /** Rows of the result tile. */
    private static final int MR = 6;
    /** Columns of the result tile: two vectors. */
    private static final int NR = 16;
    /** Below this many rows, {@code multiply} takes a row at a time ({@link #oneRow}). */
    private static final int FEW_ROWS = 4;
    /**
     * Beyond this many rows (inference on many examples, or a training batch larger than the usual 128),
     * {@code multiply} sorts and skips ({@link #multiplySkipping}). Not below: with batches of 128 images skipping
     * too, epochs took 0.55–1.22 s against 0.54–0.64 in four alternating pairs of app runs, although the product
     * alone was faster (the other products ran slower beside it in some JVMs; docs/performance.md).
     */
    private static final int MANY_ROWS = 128;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private Vector256Kernels() {
    }

    /**
     * {@code x[dst + j] = (codes[src + j] & 0xFF) / divisor}, eight at a time: {@link VectorKernels#decodeDividing}
     * on 256-bit vectors, the same bits (one float division each).
     */
    static void decodeDividing(byte[] codes, int src, float divisor, float[] x, int dst, int n) {
        int upper = n - n % LANES;
        for (int j = 0; j < upper; j += LANES) {
            IntVector widened = (IntVector) ByteVector.fromArray(ByteVector.SPECIES_64, codes, src + j)
                    .convertShape(VectorOperators.B2I, IntVector.SPECIES_256, 0);
            ((FloatVector) widened.and(0xFF).convert(VectorOperators.I2F, 0)).div(divisor).intoArray(x, dst + j);
        }
        for (int j = upper; j < n; j++) {
            x[dst + j] = (codes[src + j] & 0xFF) / divisor;
        }
    }

    /** Whether this CPU runs 256-bit float vectors natively. */
    static boolean hardwareSupported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize();
    }

    /** A panel of the right operand and a tile of the result, per thread, grown as needed. */
    private static final class Workspace {
        private float[] panel = new float[0];
        private int[] nonzero = new int[0];
        final float[] tile = new float[MR * NR];
        /** A tile's rows of a, copied ({@link #multiplySkipping}), and where they go in c. */
        private float[] rows = new float[0];
        final int[] cRows = new int[MR];
        private long[] keys = new long[0];
        private int[] order = new int[0];
        /** Bits or-ed over an image's rows, for {@link #nonzeroWidth}. */
        final int[] columnBits = new int[4 * LANES];

        float[] rows(int k) {
            if (rows.length < MR * k) {
                rows = new float[MR * k];
            }
            return rows;
        }

        /** Room for the keys and the order of {@code count} rows ({@link #rowOrder}). */
        long[] keys(int count) {
            if (keys.length < count) {
                keys = new long[count];
                order = new int[count];
            }
            return keys;
        }

        int[] nonzero(int k) {
            if (nonzero.length < k) {
                nonzero = new int[k];
            }
            return nonzero;
        }

        float[] panel(int steps) {
            if (panel.length < steps * NR) {
                panel = new float[steps * NR];
            }
            return panel;
        }
    }

    /** {@link ProductThreads#compute}'s share of product {@code op}, its arguments in that method's order. */
    static void compute(int op, float[] a, int aOff, float[] b, float[] c, int m, int k, int n,
                        int rowFrom, int rowTo, int colFrom, int colTo) {
        switch (op) {
            case ProductThreads.MULTIPLY -> multiply(a, aOff, b, c, k, n, rowFrom, rowTo, colFrom, colTo);
            case ProductThreads.TRANSPOSED_LEFT -> multiplyTransposedLeft(a, b, c, m, k, n, rowFrom, rowTo, colFrom,
                    colTo);
            case ProductThreads.TRANSPOSED_RIGHT -> multiplyTransposedRight(a, b, c, k, n, rowFrom, rowTo, colFrom,
                    colTo);
            default -> throw new IllegalArgumentException("no 256-bit kernel for product " + op);
        }
    }

    /** Rows {@code rowFrom … rowTo-1} by columns {@code colFrom … colTo-1} of {@code c[m×n] = a[m×k] · b[k×n]}, a from aOff. */
    static void multiply(float[] a, int aOff, float[] b, float[] c, int k, int n,
                         int rowFrom, int rowTo, int colFrom, int colTo) {
        if (rowTo - rowFrom < FEW_ROWS) {
            for (int i = rowFrom; i < rowTo; i++) {
                oneRow(a, aOff + i * k, b, c, i * n, k, n, colFrom, colTo);
            }
            return;
        }
        if (rowTo - rowFrom > MANY_ROWS) {
            multiplySkipping(a, aOff, b, c, k, n, rowFrom, rowTo, colFrom, colTo);
            return;
        }
        products(a, aOff, k, 1, b, false, k, n, c, rowFrom, rowTo, colFrom, colTo);
    }

    /**
     * {@link #multiply} for many rows (inference on a test set), as {@link VectorKernels#multiplyManyRows} does it on
     * 512-bit vectors: the rows in an order where neighbours share their zeros ({@link #rowOrder}), each 6-row tile
     * copied (so it stays in L1 while b passes over it) and taking only the steps where any of its rows is nonzero.
     * A skipped step would add {@code fma(0, w, c) = c} to each of the tile's sums (w finite), so every result has
     * the reference's bits, in its own row of c. Fashion-MNIST's 6-row tiles take 65% of the steps in this order
     * (parts of 256 test images).
     */
    private static void multiplySkipping(float[] a, int aOff, float[] b, float[] c, int k, int n,
                                         int rowFrom, int rowTo, int colFrom, int colTo) {
        Workspace w = WORKSPACE.get();
        float[] rows = w.rows(k);
        int[] steps = w.nonzero(k);
        int[] cRows = w.cRows;
        int[] order = rowOrder(a, aOff, k, rowFrom, rowTo, w);
        int count = rowTo - rowFrom;
        for (int i0 = 0; i0 < count; i0 += MR) {
            int taken = 0;
            for (int x = 0; x < MR; x++) {
                int row = order[i0 + Math.min(x, count - i0 - 1)];
                System.arraycopy(a, aOff + row * k, rows, x * k, k);
                cRows[x] = row * n;
            }
            for (int q = 0; q < k; q++) {
                int bits = Float.floatToRawIntBits(rows[q]) | Float.floatToRawIntBits(rows[k + q])
                        | Float.floatToRawIntBits(rows[2 * k + q]) | Float.floatToRawIntBits(rows[3 * k + q])
                        | Float.floatToRawIntBits(rows[4 * k + q]) | Float.floatToRawIntBits(rows[5 * k + q]);
                steps[taken] = q;
                taken += ((bits & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31;
            }
            for (int j0 = colFrom; j0 < colTo; j0 += NR) {
                int width = Math.min(NR, colTo - j0);
                if (width == NR) {
                    kernelSkipping(rows, k, b, j0, n, steps, taken, c, cRows, j0);
                    continue;
                }
                float[] panel = pack(b, false, k, n, j0, width, w.panel(k));
                kernelSkipping(rows, k, panel, 0, NR, steps, taken, w.tile, TILE_ROWS, 0);
                for (int x = 0; x < MR; x++) {
                    System.arraycopy(w.tile, x * NR, c, cRows[x] + j0, width);
                }
            }
        }
    }

    /** Where each row of {@link Workspace#tile} starts. */
    private static final int[] TILE_ROWS = {0, NR, 2 * NR, 3 * NR, 4 * NR, 5 * NR};

    /**
     * Rows {@code rowFrom … rowTo-1} of {@code a[·×k]} (from aOff) in the order of
     * {@link VectorKernels}' {@code outlineOrder}, in {@code w.order}: square images ({@link VectorKernels#imageSide})
     * by the width of their nonzero columns, then their first nonzero row; other rows by their first and then their
     * last nonzero value; ties in row order.
     */
    private static int[] rowOrder(float[] a, int aOff, int k, int rowFrom, int rowTo, Workspace w) {
        int count = rowTo - rowFrom;
        long[] keys = w.keys(count);
        if (count > VectorKernels.POSITION_MASK) {
            return VectorKernels.rowsAsTheyCome(w.order, rowFrom, count);
        }
        int side = VectorKernels.imageSide(k);
        for (int i = 0; i < count; i++) {
            int start = aOff + (rowFrom + i) * k;
            int first = VectorKernels.firstNonzero(a, start, k);
            int width = side > 0 && first < k ? nonzeroWidth(a, start, side, w.columnBits) : 0;
            keys[i] = VectorKernels.rowKey(a, start, k, side, first, width, i);
        }
        return VectorKernels.rowsByKey(keys, count, rowFrom, w.order);
    }

    /**
     * {@link VectorKernels#nonzeroWidth} on 256-bit vectors: the span from the first to the last nonzero column of
     * an s×s image (s from 16 to 32, at least one nonzero value), its columns or-ed over the rows four overlapping
     * vectors at a time, through {@code columns} (a vector carried from one pass to the next, C2 allocates).
     */
    static int nonzeroWidth(float[] a, int start, int side, int[] columns) {
        java.util.Arrays.fill(columns, 0, 4 * LANES, 0);
        for (int r = 0, at = start; r < side; r++, at += side) {
            orInto(columns, 0, a, at);
            orInto(columns, LANES, a, at + LANES);
            orInto(columns, 2 * LANES, a, at + side - 2 * LANES);
            orInto(columns, 3 * LANES, a, at + side - LANES);
        }
        int nonzero = 0; // bit j: column j
        for (int j = 0; j < 2 * LANES; j++) {
            nonzero |= ((columns[j] & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31 << j
                    | ((columns[2 * LANES + j] & Integer.MAX_VALUE) + Integer.MAX_VALUE) >>> 31 << side - 2 * LANES + j;
        }
        return 31 - Integer.numberOfLeadingZeros(nonzero) - Integer.numberOfTrailingZeros(nonzero);
    }

    private static void orInto(int[] bits, int at, float[] a, int from) {
        IntVector.fromArray(IntVector.SPECIES_256, bits, at)
                .or(FloatVector.fromArray(S, a, from).reinterpretAsInts()).intoArray(bits, at);
    }

    /**
     * Columns {@code colFrom … colTo-1} of one row, {@code c[cOff + j] = a[aOff … aOff+k) · b[k×n]}: 64 columns at a
     * time in eight accumulators, then 8, then one by one, reading only the rows of b that face a nonzero input, as
     * {@link VectorKernels}' one-row path does (one image is about half zeros). A zero adds {@code fma(0, w, c) = c}
     * to a sum that starts at +0 when w is finite, so the bits are the reference's; with an infinite or NaN weight
     * facing a zero the sum is what it would be without that weight, as in sparse-matrix libraries.
     */
    private static void oneRow(float[] a, int aOff, float[] b, float[] c, int cOff, int k, int n, int colFrom,
                               int colTo) {
        int[] nonzero = WORKSPACE.get().nonzero(k);
        int count = 0;
        for (int p = 0; p < k; p++) {
            nonzero[count] = p;
            count += a[aOff + p] != 0f ? 1 : 0;
        }
        int j = colFrom;
        for (; j + 8 * LANES <= colTo; j += 8 * LANES) {
            FloatVector c0 = FloatVector.zero(S);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            for (int t = 0; t < count; t++) {
                int p = nonzero[t];
                FloatVector x = FloatVector.broadcast(S, a[aOff + p]);
                int bi = p * n + j;
                c0 = x.fma(FloatVector.fromArray(S, b, bi), c0);
                c1 = x.fma(FloatVector.fromArray(S, b, bi + LANES), c1);
                c2 = x.fma(FloatVector.fromArray(S, b, bi + 2 * LANES), c2);
                c3 = x.fma(FloatVector.fromArray(S, b, bi + 3 * LANES), c3);
                c4 = x.fma(FloatVector.fromArray(S, b, bi + 4 * LANES), c4);
                c5 = x.fma(FloatVector.fromArray(S, b, bi + 5 * LANES), c5);
                c6 = x.fma(FloatVector.fromArray(S, b, bi + 6 * LANES), c6);
                c7 = x.fma(FloatVector.fromArray(S, b, bi + 7 * LANES), c7);
            }
            int to = cOff + j;
            c0.intoArray(c, to);
            c1.intoArray(c, to + LANES);
            c2.intoArray(c, to + 2 * LANES);
            c3.intoArray(c, to + 3 * LANES);
            c4.intoArray(c, to + 4 * LANES);
            c5.intoArray(c, to + 5 * LANES);
            c6.intoArray(c, to + 6 * LANES);
            c7.intoArray(c, to + 7 * LANES);
        }
        for (; j + LANES <= colTo; j += LANES) {
            FloatVector sum = FloatVector.zero(S);
            for (int t = 0; t < count; t++) {
                int p = nonzero[t];
                sum = FloatVector.broadcast(S, a[aOff + p]).fma(FloatVector.fromArray(S, b, p * n + j), sum);
            }
            sum.intoArray(c, cOff + j);
        }
        for (; j < colTo; j++) {
            float sum = 0f;
            for (int t = 0; t < count; t++) {
                int p = nonzero[t];
                sum = Math.fma(a[aOff + p], b[p * n + j], sum);
            }
            c[cOff + j] = sum;
        }
    }

    /** Rows {@code rowFrom …} by columns {@code colFrom …} of {@code c[k×n] = a[m×k]ᵀ · b[m×n]}. */
    static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n,
                                       int rowFrom, int rowTo, int colFrom, int colTo) {
        products(a, 0, 1, k, b, false, m, n, c, rowFrom, rowTo, colFrom, colTo);
    }

    /** Rows {@code rowFrom …} by columns {@code colFrom …} of {@code c[m×k] = a[m×n] · b[k×n]ᵀ}. */
    static void multiplyTransposedRight(float[] a, float[] b, float[] c, int n, int k,
                                        int rowFrom, int rowTo, int colFrom, int colTo) {
        products(a, 0, n, 1, b, true, n, k, c, rowFrom, rowTo, colFrom, colTo);
    }

    /**
     * {@code c[i][j] = Σ_p L(i, p) · R(p, j)} over {@code steps} values of p, for the given rows and columns of c
     * (rows of {@code cols} values). L(i, p) is {@code l[lOff + i·rowStride + p·stepStride]}; R(p, j) is
     * {@code r[p·cols + j]}, or {@code r[j·steps + p]} when {@code transposed}.
     */
    private static void products(float[] l, int lOff, int rowStride, int stepStride, float[] r, boolean transposed,
                                 int steps, int cols, float[] c, int rowFrom, int rowTo, int colFrom, int colTo) {
        Workspace w = WORKSPACE.get();
        for (int j0 = colFrom; j0 < colTo; j0 += NR) {
            int width = Math.min(NR, colTo - j0);
            float[] panel = r;
            int pOff = j0;
            int pStride = cols;
            if (transposed || width < NR) {
                panel = pack(r, transposed, steps, cols, j0, width, w.panel(steps));
                pOff = 0;
                pStride = NR;
            }
            for (int i0 = rowFrom; i0 < rowTo; i0 += MR) {
                int rows = Math.min(MR, rowTo - i0);
                int lBase = lOff + i0 * rowStride;
                if (rows == MR && width == NR) {
                    kernel(l, lBase, rowStride, stepStride, MR, panel, pOff, pStride, steps, c, i0 * cols + j0, cols);
                } else {
                    kernel(l, lBase, rowStride, stepStride, rows, panel, pOff, pStride, steps, w.tile, 0, NR);
                    for (int x = 0; x < rows; x++) {
                        System.arraycopy(w.tile, x * NR, c, (i0 + x) * cols + j0, width);
                    }
                }
            }
        }
    }

    /** Columns {@code j0 … j0+width-1} of R as a panel of {@code steps} rows of 16, the columns past width zero. */
    private static float[] pack(float[] r, boolean transposed, int steps, int cols, int j0, int width, float[] panel) {
        for (int p = 0; p < steps; p++) {
            int to = p * NR;
            for (int j = 0; j < width; j++) {
                panel[to + j] = transposed ? r[(j0 + j) * steps + p] : r[p * cols + j0 + j];
            }
            for (int j = width; j < NR; j++) {
                panel[to + j] = 0f;
            }
        }
        return panel;
    }

    /**
     * The 6×16 tile {@code c[cOff + x·cStride + j] = Σ_p L(x, p) · panel[pOff + p·pStride + j]}, where L(x, p) is
     * {@code l[base + x·rowStride + p·stepStride]}; rows from {@code rows} on repeat the last valid one (so reads
     * stay in bounds) and are stored like the others, which {@link #products} points at a scratch tile.
     */
    private static void kernel(float[] l, int base, int rowStride, int stepStride, int rows, float[] panel, int pOff,
                               int pStride, int steps, float[] c, int cOff, int cStride) {
        int l0 = base;
        int l1 = base + Math.min(1, rows - 1) * rowStride;
        int l2 = base + Math.min(2, rows - 1) * rowStride;
        int l3 = base + Math.min(3, rows - 1) * rowStride;
        int l4 = base + Math.min(4, rows - 1) * rowStride;
        int l5 = base + Math.min(5, rows - 1) * rowStride;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int p = 0; p < steps; p++) {
            int pi = pOff + p * pStride;
            int q = p * stepStride;
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
    }

    /**
     * {@link #kernel} for {@link #multiplySkipping}: row x of L is {@code l[x·k …]} (the tile's copy), only the steps
     * {@code steps[0 … count)} are taken, and row x of the 6×16 tile goes to {@code c[cRows[x] + cCol …]}; the
     * panel is {@code panel[pOff + p·pStride …]} (b in place, or a packed partial panel).
     */
    private static void kernelSkipping(float[] l, int k, float[] panel, int pOff, int pStride, int[] steps,
                                       int count, float[] c, int[] cRows, int cCol) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int t = 0; t < count; t++) {
            int p = steps[t];
            int pi = pOff + p * pStride;
            FloatVector b0 = FloatVector.fromArray(S, panel, pi);
            FloatVector b1 = FloatVector.fromArray(S, panel, pi + LANES);
            FloatVector x = FloatVector.broadcast(S, l[p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, l[k + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, l[2 * k + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, l[3 * k + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, l[4 * k + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, l[5 * k + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, cRows[0] + cCol);
        c01.intoArray(c, cRows[0] + cCol + LANES);
        c10.intoArray(c, cRows[1] + cCol);
        c11.intoArray(c, cRows[1] + cCol + LANES);
        c20.intoArray(c, cRows[2] + cCol);
        c21.intoArray(c, cRows[2] + cCol + LANES);
        c30.intoArray(c, cRows[3] + cCol);
        c31.intoArray(c, cRows[3] + cCol + LANES);
        c40.intoArray(c, cRows[4] + cCol);
        c41.intoArray(c, cRows[4] + cCol + LANES);
        c50.intoArray(c, cRows[5] + cCol);
        c51.intoArray(c, cRows[5] + cCol + LANES);
    }
}
