package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.core.Dataset;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SyntheticDatasetsTest {

    private static final double ON_CURVE = 1e-5;

    /** Each row one-hot, and how many rows each class has. */
    private static int[] classCounts(Dataset data) {
        int[] counts = new int[data.targetCount()];
        float[] y = data.targets();
        for (int r = 0; r < data.rows(); r++) {
            float sum = 0;
            int hot = -1;
            for (int c = 0; c < data.targetCount(); c++) {
                float v = y[r * data.targetCount() + c];
                assertTrue(v == 0f || v == 1f, "row " + r + " is not one-hot");
                sum += v;
                if (v == 1f) {
                    hot = c;
                }
            }
            assertEquals(1f, sum, "row " + r + " has exactly one class");
            counts[hot]++;
        }
        return counts;
    }

    private static int classOf(Dataset data, int row) {
        for (int c = 0; c < data.targetCount(); c++) {
            if (data.targets()[row * data.targetCount() + c] == 1f) {
                return c;
            }
        }
        throw new AssertionError("row " + row + " has no class");
    }

    @Test
    void withoutNoiseMoonPointsLieOnTheirArcs() {
        Dataset moons = SyntheticDatasets.twoMoons(101, 0, 1).dataset();

        assertArrayEquals(new int[] {50, 51}, classCounts(moons));
        float[] p = moons.features();
        for (int r = 0; r < moons.rows(); r++) {
            double x = p[2 * r];
            double y = p[2 * r + 1];
            if (classOf(moons, r) == 0) {
                assertEquals(1, Math.hypot(x, y), ON_CURVE, "upper arc: unit circle around (0, 0)");
                assertTrue(y >= -ON_CURVE, "upper arc is the top half");
            } else {
                assertEquals(1, Math.hypot(x - 1, y - 0.5), ON_CURVE, "lower arc: unit circle around (1, 0.5)");
                assertTrue(y <= 0.5 + ON_CURVE, "lower arc is the bottom half");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        Dataset a = SyntheticDatasets.twoMoons(200, 0.1, 5).dataset();
        Dataset b = SyntheticDatasets.twoMoons(200, 0.1, 5).dataset();
        Dataset c = SyntheticDatasets.twoMoons(200, 0.1, 6).dataset();

        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.targets(), b.targets());
        assertFalse(Arrays.equals(a.features(), c.features()));
    }

    @Test
    void rowsAreShuffledNotGroupedByClass() {
        Dataset moons = SyntheticDatasets.twoMoons(200, 0.1, 5).dataset();
        int changes = 0;
        for (int r = 1; r < moons.rows(); r++) {
            changes += classOf(moons, r) != classOf(moons, r - 1) ? 1 : 0;
        }
        // Grouped rows would change class once; a random order about 100 times.
        assertTrue(changes > 50, "class changes between neighbouring rows: " + changes);
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() {
        double noise = 0.2;
        Dataset exact = SyntheticDatasets.circles(4000, 0, 0.5, 3).dataset();
        Dataset noisy = SyntheticDatasets.circles(4000, noise, 0.5, 3).dataset();
        // Same seed, so the same points in the same rows; the difference is the noise alone.
        double sum = 0;
        double squares = 0;
        int n = exact.features().length;
        for (int i = 0; i < n; i++) {
            double d = noisy.features()[i] - exact.features()[i];
            sum += d;
            squares += d * d;
        }
        double mean = sum / n;
        assertEquals(0, mean, 0.01);
        assertEquals(noise, Math.sqrt(squares / n - mean * mean), 0.01);
    }

    @Test
    void withoutNoiseCirclePointsHaveRadiusOneOrTheFactor() {
        Dataset circles = SyntheticDatasets.circles(60, 0, 0.3, 2).dataset();

        assertArrayEquals(new int[] {30, 30}, classCounts(circles));
        for (int r = 0; r < circles.rows(); r++) {
            double radius = Math.hypot(circles.features()[2 * r], circles.features()[2 * r + 1]);
            assertEquals(classOf(circles, r) == 0 ? 1 : 0.3, radius, ON_CURVE, "row " + r);
        }
    }

    @Test
    void withoutNoiseSpiralArmsFollowAngleFourKPlusFourR() {
        Dataset spirals = SyntheticDatasets.spirals(31, 3, 0, 9).dataset();

        assertArrayEquals(new int[] {11, 10, 10}, classCounts(spirals));
        for (int r = 0; r < spirals.rows(); r++) {
            double x = spirals.features()[2 * r];
            double y = spirals.features()[2 * r + 1];
            double radius = Math.hypot(x, y);
            assertTrue(radius <= 1 + ON_CURVE);
            if (radius > 1e-3) {
                double expected = 4 * classOf(spirals, r) + 4 * radius;
                // (x, y) = (r sin θ, r cos θ), so θ = atan2(x, y) up to whole turns.
                double turns = (expected - Math.atan2(x, y)) / (2 * Math.PI);
                assertEquals(Math.rint(turns), turns, 1e-4, "row " + r);
            }
        }
    }

    @Test
    void noisySineIsTheSineWithoutNoiseAndScattersByTheNoiseWithIt() {
        Dataset exact = SyntheticDatasets.noisySine(500, 0, 4).dataset();
        for (int r = 0; r < exact.rows(); r++) {
            float x = exact.features()[r];
            assertTrue(x >= -1 && x <= 1);
            assertEquals((float) Math.sin(Math.PI * x), exact.targets()[r], "row " + r);
        }
        Dataset noisy = SyntheticDatasets.noisySine(5000, 0.3, 4).dataset();
        double squares = 0;
        for (int r = 0; r < noisy.rows(); r++) {
            double residual = noisy.targets()[r] - Math.sin(Math.PI * noisy.features()[r]);
            squares += residual * residual;
        }
        assertEquals(0.3, Math.sqrt(squares / noisy.rows()), 0.015);
        assertEquals(Task.REGRESSION, SyntheticDatasets.noisySine(5, 0, 1).task());
    }

    @Test
    void impossibleArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticDatasets.twoMoons(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticDatasets.circles(10, 0, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticDatasets.spirals(5, 3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticDatasets.noisySine(10, Double.NaN, 1));
    }
}
