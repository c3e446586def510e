package io.sinapse.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Examples for training or evaluation: a {@code rows × featureCount} feature matrix and a
 * {@code rows × targetCount} target matrix, each one row-major array (no per-row objects).
 * Classification targets are one-hot rows; regression targets are the values.
 *
 * <p>The features are kept in one of two forms. The usual one is a {@code float[]} of the values. The other,
 * made by {@link #ofBytes}, is one byte code per value and a table of 256 floats: value =
 * {@code decode[code & 0xFF]}, a quarter of the memory for data that has at most 256 distinct values, such as
 * 8-bit images (Fashion-MNIST's 60,000 training images are 47 MB of codes instead of 188 MB of floats).
 * {@link #gather} decodes each mini-batch as it copies it; {@link #features()} decodes the whole matrix once.
 * The targets are always floats.
 */
public final class Dataset {

    /** Entries of a decode table: one for every value of an unsigned byte. */
    public static final int DECODE_TABLE_SIZE = 256;

    /** The feature values, or {@code null} when the features are byte codes. */
    private final float[] features;
    /** The feature codes, or {@code null} when the features are floats. */
    private final byte[] codes;
    /** The value of each code (256 entries), or {@code null} when the features are floats. */
    private final float[] decode;
    /** d when every entry of {@link #decode} is {@code code / d} (pixels scaled to [0, 1]), else 0. */
    private final float decodeDivisor;
    private final float[] targets;
    private final int rows;
    private final int featureCount;
    private final int targetCount;
    /** The decoded features of byte-coded data, made on the first call of {@link #features()}. */
    private volatile float[] decoded;

    /** Wraps the arrays without copying them; their lengths must be whole rows of the same count. */
    public Dataset(float[] features, int featureCount, float[] targets, int targetCount) {
        this(Objects.requireNonNull(features, "features"), null, null, 0f, featureCount, targets, targetCount,
                checkShape("Features", features.length, "values", featureCount, targets, targetCount));
    }

    private Dataset(float[] features, byte[] codes, float[] decode, float decodeDivisor, int featureCount,
                    float[] targets, int targetCount, int rows) {
        this.features = features;
        this.codes = codes;
        this.decode = decode;
        this.decodeDivisor = decodeDivisor;
        this.targets = targets;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.rows = rows;
    }

    /**
     * Byte-coded features: feature value {@code i} is {@code decode[codes[i] & 0xFF]}. Wraps {@code codes} and
     * {@code targets} without copying them (their lengths must be whole rows of the same count) and keeps a copy
     * of {@code decode}, which must have exactly 256 finite entries.
     */
    public static Dataset ofBytes(byte[] codes, float[] decode, int featureCount, float[] targets, int targetCount) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(decode, "decode");
        if (decode.length != DECODE_TABLE_SIZE) {
            throw new IllegalArgumentException("A decode table gives the value of each of the 256 byte codes, so it"
                    + " needs exactly 256 entries, got " + decode.length);
        }
        for (int code = 0; code < DECODE_TABLE_SIZE; code++) {
            if (!Float.isFinite(decode[code])) {
                throw new IllegalArgumentException("Decode table entry " + code + " is " + decode[code]
                        + "; feature values must be finite");
            }
        }
        int rows = checkShape("Feature codes", codes.length, "bytes", featureCount, targets, targetCount);
        return new Dataset(null, codes, decode.clone(), Kernels.divisorOf(decode), featureCount, targets, targetCount,
                rows);
    }

    /** Checks the two matrices hold the same whole number of rows and returns that number. */
    private static int checkShape(String what, int featureLength, String unit, int featureCount, float[] targets,
                                  int targetCount) {
        Objects.requireNonNull(targets, "targets");
        if (featureCount <= 0 || targetCount <= 0) {
            throw new IllegalArgumentException("A dataset needs at least one feature column and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        if (featureLength % featureCount != 0 || targets.length % targetCount != 0
                || featureLength / featureCount != targets.length / targetCount) {
            throw new IllegalArgumentException(what + " (" + featureLength + " " + unit + " in rows of " + featureCount
                    + ") and targets (" + targets.length + " values in rows of " + targetCount
                    + ") must hold the same whole number of rows");
        }
        return featureLength / featureCount;
    }

    /** A dataset from rows written out, handy for the course's small tables: {@code of(new float[][]{{0,1}}, …)}. */
    public static Dataset of(float[][] features, float[][] targets) {
        if (features.length == 0 || features.length != targets.length) {
            throw new IllegalArgumentException("Need the same, non-zero number of feature and target rows, got "
                    + features.length + " and " + targets.length);
        }
        return new Dataset(flatten(features), features[0].length, flatten(targets), targets[0].length);
    }

    private static float[] flatten(float[][] rows) {
        int cols = rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("Row " + r + " has " + rows[r].length + " values, expected " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return flat;
    }

    public int rows() {
        return rows;
    }

    public int featureCount() {
        return featureCount;
    }

    public int targetCount() {
        return targetCount;
    }

    /**
     * Whether the features are byte codes with a decode table ({@link #ofBytes}) rather than floats: then
     * {@link #features()} is a decoded copy, and writing into it changes nothing that {@link #gather},
     * {@link #select} or {@link #slice} read.
     */
    public boolean byteCoded() {
        return codes != null;
    }

    /**
     * The feature matrix as floats. For float data, the backing array (not a copy): writing into it changes the
     * dataset. For {@linkplain #byteCoded() byte-coded} data, a decoded copy of the whole matrix, made on the first
     * call and kept (4 bytes per value besides the codes' one, e.g. 188 MB for Fashion-MNIST's training images);
     * writing into it does not change the codes, so {@link #gather}, {@link #select} and {@link #slice} do not see
     * it. Code that only needs mini-batches should use {@link #gather}, which decodes nothing else.
     */
    public float[] features() {
        if (features != null) {
            return features;
        }
        float[] values = decoded;
        if (values == null) {
            synchronized (decode) { // this dataset's own copy (shared only by its selections and slices)
                values = decoded;
                if (values == null) {
                    values = new float[codes.length];
                    Kernels.decode(codes, 0, decode, decodeDivisor, values, 0, codes.length);
                    decoded = values;
                }
            }
        }
        return values;
    }

    /** The backing target array (not a copy). */
    public float[] targets() {
        return targets;
    }

    /**
     * Copies rows {@code order[from] … order[from + count - 1]} into the batch buffers {@code x} and {@code y}:
     * how the trainer draws a shuffled mini-batch without allocating. Byte-coded features are decoded on the way.
     */
    public void gather(int[] order, int from, int count, float[] x, float[] y) {
        if (codes != null) {
            gatherCoded(order, from, count, x, y);
            return;
        }
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            System.arraycopy(features, row * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(targets, row * targetCount, y, i * targetCount, targetCount);
        }
    }

    private void gatherCoded(int[] order, int from, int count, float[] x, float[] y) {
        byte[] codes = this.codes;
        float[] decode = this.decode;
        float divisor = decodeDivisor;
        int n = featureCount;
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            Kernels.decode(codes, row * n, decode, divisor, x, i * n, n);
            System.arraycopy(targets, row * targetCount, y, i * targetCount, targetCount);
        }
    }

    /** A new dataset holding copies of the given rows, in that order (for splits); byte codes stay byte codes. */
    public Dataset select(int[] rowIndices) {
        float[] y = new float[rowIndices.length * targetCount];
        if (codes == null) {
            float[] x = new float[rowIndices.length * featureCount];
            gather(rowIndices, 0, rowIndices.length, x, y);
            return new Dataset(x, featureCount, y, targetCount);
        }
        byte[] x = new byte[rowIndices.length * featureCount];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(codes, rowIndices[i] * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(targets, rowIndices[i] * targetCount, y, i * targetCount, targetCount);
        }
        return new Dataset(null, x, decode, decodeDivisor, featureCount, y, targetCount, rowIndices.length);
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive), copied; byte codes stay byte codes. */
    public Dataset slice(int from, int to) {
        float[] y = Arrays.copyOfRange(targets, from * targetCount, to * targetCount);
        if (codes == null) {
            return new Dataset(Arrays.copyOfRange(features, from * featureCount, to * featureCount), featureCount,
                    y, targetCount);
        }
        byte[] x = Arrays.copyOfRange(codes, from * featureCount, to * featureCount);
        return new Dataset(null, x, decode, decodeDivisor, featureCount, y, targetCount, to - from);
    }
}
