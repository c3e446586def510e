package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classification and regression metrics, first against values worked out by hand, then against scikit-learn 1.2
 * on the seeded cases in {@code fixtures/metrics_fixtures.txt} (made by {@code make_metrics_fixtures.py}).
 */
class MetricsTest {

    // Hand-computed. Actual 0 0 0 1 1 2, predicted 0 0 1 1 2 2:
    // confusion [[2,1,0],[0,1,1],[0,0,1]]; accuracy 4/6.
    // Class 0: TP 2, predicted 2 → P 1, actual 3 → R 2/3, F1 = 2·1·(2/3)/(5/3) = 0.8.
    // Class 1: TP 1, predicted 2 → P 1/2, actual 2 → R 1/2, F1 1/2.
    // Class 2: TP 1, predicted 2 → P 1/2, actual 1 → R 1, F1 = 2·(1/2)/(3/2) = 2/3.
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2};
    private static final int[] PREDICTED = {0, 0, 1, 1, 2, 2};

    @Test
    void confusionMatrixCountsAndPerClassScoresMatchTheHandComputation() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED, 3);
        long[][] expected = {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}};
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[a][p], m.count(a, p), "count(actual " + a + ", predicted " + p + ")");
            }
        }
        assertEquals(6, m.total());
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertEquals(1.0, m.precision(0), 1e-15);
        assertEquals(0.5, m.precision(1), 1e-15);
        assertEquals(0.5, m.precision(2), 1e-15);
        assertEquals(2.0 / 3, m.recall(0), 1e-15);
        assertEquals(0.5, m.recall(1), 1e-15);
        assertEquals(1.0, m.recall(2), 1e-15);
        assertEquals(0.8, m.f1(0), 1e-15);
        assertEquals(0.5, m.f1(1), 1e-15);
        assertEquals(2.0 / 3, m.f1(2), 1e-15);
        assertEquals((1 + 0.5 + 0.5) / 3, m.macroPrecision(), 1e-15);
        assertEquals((2.0 / 3 + 0.5 + 1) / 3, m.macroRecall(), 1e-15);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-15);
    }

    @Test
    void confusionMatrixFromOutputsUsesTheSameRuleAsAccuracy() {
        // Three one-hot rows and their outputs: argmax 0 → 0, 2 → 1, 1 → 1.
        float[] target = {1, 0, 0, 0, 0, 1, 0, 1, 0};
        float[] output = {.7f, .2f, .1f, .1f, .6f, .3f, .2f, .5f, .3f};
        ConfusionMatrix m = ConfusionMatrix.of(output, target, 3, 3);
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(2, 1));
        assertEquals(1, m.count(1, 1));
        assertEquals(Accuracy.correct(output, target, 3, 3) / 3.0, m.accuracy(), 1e-15);
        // One column: > 0.5 is class 1.
        ConfusionMatrix binary = ConfusionMatrix.of(new float[]{.9f, .2f, .6f}, new float[]{1, 1, 0}, 3, 1);
        assertEquals(1, binary.count(1, 1));
        assertEquals(1, binary.count(1, 0));
        assertEquals(1, binary.count(0, 1));
    }

    @Test
    void logLossMatchesTheHandComputation() {
        // Rows (0.7, 0.2, 0.1) of class 0 and (0.25, 0.25, 0.5) of class 2: −(ln 0.7 + ln 0.5)/2.
        float[] p = {.7f, .2f, .1f, .25f, .25f, .5f};
        float[] t = {1, 0, 0, 0, 0, 1};
        // The float row sums to 1 only up to rounding; like scikit-learn, the row is renormalised (in double).
        double rowSum = (double) .7f + (double) .2f + (double) .1f;
        double expected = -(Math.log(.7f / rowSum) + Math.log(0.5)) / 2;
        assertEquals(expected, Metrics.logLoss(p, t, 2, 3), 1e-12);
        // Binary, one column: −(ln 0.8 + ln(1 − 0.4))/2 for (0.8, class 1) and (0.4, class 0).
        assertEquals(-(Math.log(0.8f) + Math.log(1 - (double) 0.4f)) / 2,
                Metrics.logLoss(new float[]{.8f, .4f}, new float[]{1, 0}, 2, 1), 1e-12);
        // A certain, wrong prediction is clipped at ε: −ln ε ≈ 36.04, not infinity.
        assertEquals(-Math.log(Metrics.LOG_LOSS_EPSILON), Metrics.logLoss(new float[]{0f}, new float[]{1}, 1, 1), 1e-9);
    }

    @Test
    void regressionMetricsMatchTheHandComputation() {
        // Targets 1 2 3 4 (mean 2.5, Σ(y − ȳ)² = 5), predictions 1 2 3 6: errors 0 0 0 −2.
        float[] y = {1, 2, 3, 4};
        float[] p = {1, 2, 3, 6};
        assertEquals(1.0, Metrics.meanSquaredError(p, y, 4, 1), 1e-15);
        assertEquals(0.5, Metrics.meanAbsoluteError(p, y, 4, 1), 1e-15);
        assertEquals(1 - 4.0 / 5, Metrics.r2(p, y, 4, 1), 1e-15);
        // Predicting the mean scores 0; a constant column predicted exactly scores 1, otherwise 0.
        assertEquals(0.0, Metrics.r2(new float[]{2.5f, 2.5f, 2.5f, 2.5f}, y, 4, 1), 1e-15);
        assertEquals(1.0, Metrics.r2(new float[]{3, 3}, new float[]{3, 3}, 2, 1));
        assertEquals(0.0, Metrics.r2(new float[]{3, 4}, new float[]{3, 3}, 2, 1));
        // Two columns: R² is the mean of the columns' R² (column 0 perfect, column 1 as above: 0.2).
        float[] y2 = {0, 1, 1, 2, 2, 3, 3, 4};
        float[] p2 = {0, 1, 1, 2, 2, 3, 3, 6};
        assertEquals((1 + 0.2) / 2, Metrics.r2(p2, y2, 4, 2), 1e-15);
    }

    @Test
    void badInputsAreRejectedWithTheCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[]{0, 3}, new int[]{0, 1}, 3));
        assertTrue(e.getMessage().contains("actual class 3") && e.getMessage().contains("0 to 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.meanSquaredError(new float[3], new float[4], 2, 2));
        assertTrue(e.getMessage().contains("3 predictions"), e.getMessage());
    }

    // ---- scikit-learn ----

    @Test
    void classificationMetricsMatchScikitLearn() throws IOException {
        List<Case> cases = fixtures("classification");
        assertEquals(3, cases.size(), "classification cases in the fixture");
        for (Case c : cases) {
            int classes = (int) c.number("classes");
            ConfusionMatrix m = ConfusionMatrix.of(c.ints("actual"), c.ints("predicted"), classes);
            double[] confusion = c.values("confusion");
            for (int a = 0; a < classes; a++) {
                for (int p = 0; p < classes; p++) {
                    assertEquals((long) confusion[a * classes + p], m.count(a, p), c.name + " count " + a + "," + p);
                }
            }
            assertEquals(c.number("accuracy"), m.accuracy(), 1e-12, c.name + " accuracy");
            for (int k = 0; k < classes; k++) {
                assertEquals(c.values("precision")[k], m.precision(k), 1e-12, c.name + " precision of class " + k);
                assertEquals(c.values("recall")[k], m.recall(k), 1e-12, c.name + " recall of class " + k);
                assertEquals(c.values("f1")[k], m.f1(k), 1e-12, c.name + " F1 of class " + k);
            }
            assertEquals(c.number("macro_precision"), m.macroPrecision(), 1e-12, c.name + " macro precision");
            assertEquals(c.number("macro_recall"), m.macroRecall(), 1e-12, c.name + " macro recall");
            assertEquals(c.number("macro_f1"), m.macroF1(), 1e-12, c.name + " macro F1");
        }
    }

    @Test
    void logLossMatchesScikitLearn() throws IOException {
        List<Case> cases = fixtures("log_loss");
        assertEquals(2, cases.size(), "log-loss cases in the fixture");
        for (Case c : cases) {
            int rows = (int) c.values("shape")[0];
            int cols = (int) c.values("shape")[1];
            int[] labels = c.ints("labels");
            float[] targets = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                if (cols == 1) {
                    targets[r] = labels[r];
                } else {
                    targets[r * cols + labels[r]] = 1;
                }
            }
            assertEquals(c.number("log_loss"), Metrics.logLoss(c.floats("probabilities"), targets, rows, cols), 1e-12,
                    c.name);
        }
    }

    @Test
    void regressionMetricsMatchScikitLearn() throws IOException {
        List<Case> cases = fixtures("regression");
        assertEquals(3, cases.size(), "regression cases in the fixture");
        for (Case c : cases) {
            int rows = (int) c.values("shape")[0];
            int cols = (int) c.values("shape")[1];
            float[] p = c.floats("predicted");
            float[] y = c.floats("actual");
            assertEquals(c.number("mse"), Metrics.meanSquaredError(p, y, rows, cols), 1e-12, c.name + " MSE");
            assertEquals(c.number("mae"), Metrics.meanAbsoluteError(p, y, rows, cols), 1e-12, c.name + " MAE");
            assertEquals(c.number("r2"), Metrics.r2(p, y, rows, cols), 1e-12, c.name + " R²");
        }
    }

    /** One 'case … end' block of the fixture. */
    private record Case(String kind, String name, Map<String, String[]> lines) {
        String[] raw(String key) {
            String[] v = lines.get(key);
            assertNotNull(v, "case " + name + " has no line '" + key + "'");
            return v;
        }

        double[] values(String key) {
            String[] v = raw(key);
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = Double.parseDouble(v[i]);
            }
            return d;
        }

        float[] floats(String key) {
            String[] v = raw(key);
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = Float.parseFloat(v[i]);
            }
            return f;
        }

        int[] ints(String key) {
            String[] v = raw(key);
            int[] n = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                n[i] = Integer.parseInt(v[i]);
            }
            return n;
        }

        double number(String key) {
            double[] v = values(key);
            assertEquals(1, v.length, "case " + name + ": '" + key + "' should be one number");
            return v[0];
        }
    }

    private static List<Case> fixtures(String kind) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = MetricsTest.class.getResourceAsStream("/fixtures/metrics_fixtures.txt")) {
            assertNotNull(in, "fixtures/metrics_fixtures.txt is on the test class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            String[] header = null;
            Map<String, String[]> lines = null;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("case")) {
                    header = words;
                    lines = new LinkedHashMap<>();
                } else if (words[0].equals("end")) {
                    if (header[1].equals(kind)) {
                        cases.add(new Case(header[1], header[2], lines));
                    }
                    header = null;
                } else {
                    lines.put(words[0], java.util.Arrays.copyOfRange(words, 1, words.length));
                }
            }
        }
        return cases;
    }
}
