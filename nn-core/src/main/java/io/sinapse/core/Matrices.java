package io.sinapse.core;

/**
 * The matrix products training needs, on row-major {@code float[]} arrays. Dimensions are passed explicitly so
 * that buffers sized for a full batch also serve a smaller last batch.
 *
 * <p>These are the plain reference kernels, written so the inner loop walks memory contiguously (i-k-j order).
 * Faster kernels must agree with them.
 */
public final class Matrices {

    private Matrices() {
    }

    /** {@code c[m×n] = a[m×k] · b[k×n]}. */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        multiply(a, 0, b, c, m, k, n);
    }

    /** {@link #multiply(float[], float[], float[], int, int, int)} with a's rows starting at {@code a[aOff]}. */
    static void multiply(float[] a, int aOff, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            java.util.Arrays.fill(c, cRow, cRow + n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * k + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /** {@code c[k×n] = a[m×k]ᵀ · b[m×n]}: the weight gradient Xᵀ·dY without materialising Xᵀ. */
    public static void multiplyTransposedLeft(float[] a, float[] b, float[] c, int m, int k, int n) {
        java.util.Arrays.fill(c, 0, k * n, 0f);
        for (int i = 0; i < m; i++) {
            int bRow = i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int cRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /** {@code c[m×k] = a[m×n] · b[k×n]ᵀ}: the input gradient dY·Wᵀ without materialising Wᵀ. */
    public static void multiplyTransposedRight(float[] a, float[] b, float[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int aRow = i * n;
            for (int p = 0; p < k; p++) {
                int bRow = p * n;
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum += a[aRow + j] * b[bRow + j];
                }
                c[i * k + p] = sum;
            }
        }
    }

    /** Adds {@code bias[n]} to each of the {@code m} rows of {@code c}. */
    public static void addRowVector(float[] c, float[] bias, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += bias[j];
            }
        }
    }

    /** {@code x[dst + j] = table[codes[src + j] & 0xFF]} for j &lt; n: byte-coded features decoded through their table. */
    public static void decode(byte[] codes, int src, float[] table, float[] x, int dst, int n) {
        for (int j = 0; j < n; j++) {
            x[dst + j] = table[codes[src + j] & 0xFF];
        }
    }

    /** {@code sums[n]} = the column sums of {@code a[m×n]}: the bias gradient. */
    public static void sumColumns(float[] a, float[] sums, int m, int n) {
        java.util.Arrays.fill(sums, 0, n, 0f);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                sums[j] += a[row + j];
            }
        }
    }
}
