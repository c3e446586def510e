package io.sinapse.core;

/**
 * The products and helpers layers use: the Vector API kernels of {@link VectorKernels} when this JVM can run them
 * well, else the scalar reference loops of {@link Matrices}. The choice is made once, at start-up, so within a
 * run every call takes the same path and results are reproducible.
 *
 * <p>The vector path needs the module {@code jdk.incubator.vector} (resolved automatically on the module path;
 * on the class path add {@code --add-modules jdk.incubator.vector}) and 512-bit vectors. Run with
 * {@code -Dsinapse.kernels=scalar} to force the reference loops.
 */
public final class Kernels {

    private static final boolean VECTORIZED = detect();

    private Kernels() {
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean vectorized() {
        return VECTORIZED;
    }

    private static boolean detect() {
        if ("scalar".equals(System.getProperty("sinapse.kernels"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorKernels.hardwareSupported();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** {@code c[m×n] = a[m×k] · b[k×n]}. */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        if (VECTORIZED) {
            VectorKernels.multiply(a, b, c, m, k, n);
        } else {
            Matrices.multiply(a, b, c, m, k, n);
        }
    }

    /** {@code c[k×n] = a[m×k]ᵀ · b[m×n]}. */
    public static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n) {
        if (VECTORIZED) {
            VectorKernels.multiplyTransposedLeft(a, b, c, m, k, n);
        } else {
            Matrices.multiplyTransposedLeft(a, b, c, m, k, n);
        }
    }

    /** {@code c[m×k] = a[m×n] · b[k×n]ᵀ}. */
    public static void multiplyTransposedRight(float[] a, float[] b, float[] c, int m, int n, int k) {
        if (VECTORIZED) {
            VectorKernels.multiplyTransposedRight(a, b, c, m, n, k);
        } else {
            Matrices.multiplyTransposedRight(a, b, c, m, n, k);
        }
    }

    /** Adds {@code bias[n]} to each of the {@code m} rows of {@code c}. */
    public static void addRowVector(float[] c, float[] bias, int m, int n) {
        if (VECTORIZED) {
            VectorKernels.addRowVector(c, bias, m, n);
        } else {
            Matrices.addRowVector(c, bias, m, n);
        }
    }

    /** {@code sums[n]} = the column sums of {@code a[m×n]}. */
    public static void sumColumns(float[] a, float[] sums, int m, int n) {
        if (VECTORIZED) {
            VectorKernels.sumColumns(a, sums, m, n);
        } else {
            Matrices.sumColumns(a, sums, m, n);
        }
    }
}
