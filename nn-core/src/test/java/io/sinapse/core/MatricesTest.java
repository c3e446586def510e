package io.sinapse.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The products against the textbook definition c_ij = Σ_p a_ip b_pj, summed in double. */
class MatricesTest {

    private static float[] random(int n, SplittableRandom random) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** Float sums of k terms of size ≤ 1 drift by about k·2⁻²⁴ relative; 1e-5·k is a safe bound. */
    private static void assertClose(double expected, float actual, int k, String where) {
        assertEquals(expected, actual, 1e-5 * Math.max(1, k), where);
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "2,3,4", "7,13,5", "16,31,17", "3,1,9"})
    void multiplyMatchesDefinition(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 100 + k * 10 + n);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        float[] c = new float[m * n];
        Matrices.multiply(a, b, c, m, k, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * n + j];
                }
                assertClose(sum, c[i * n + j], k, "c[" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "2,3,4", "7,13,5", "16,31,17", "3,1,9"})
    void transposedLeftIsATransposeTimesB(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(7 + m + k + n);
        float[] a = random(m * k, random);
        float[] b = random(m * n, random);
        float[] c = random(k * n, random); // garbage that must be overwritten
        Matrices.multiplyTransposedLeft(a, b, c, m, k, n);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += (double) a[i * k + p] * b[i * n + j];
                }
                assertClose(sum, c[p * n + j], m, "c[" + p + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "2,3,4", "7,13,5", "16,31,17", "3,1,9"})
    void transposedRightIsATimesBTranspose(int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(11 + m + k + n);
        float[] a = random(m * n, random);
        float[] b = random(k * n, random);
        float[] c = new float[m * k];
        Matrices.multiplyTransposedRight(a, b, c, m, n, k);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += (double) a[i * n + j] * b[p * n + j];
                }
                assertClose(sum, c[i * k + p], n, "c[" + i + "][" + p + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,4", "5,1"})
    void biasHelpersAddAndSumRows(int m, int n) {
        float[] c = new float[m * n];
        float[] bias = new float[n];
        for (int j = 0; j < n; j++) {
            bias[j] = j + 0.5f;
        }
        Matrices.addRowVector(c, bias, m, n);
        float[] sums = new float[n];
        Matrices.sumColumns(c, sums, m, n);
        for (int j = 0; j < n; j++) {
            assertEquals(m * (j + 0.5f), sums[j], 1e-6, "column " + j);
        }
    }
}
