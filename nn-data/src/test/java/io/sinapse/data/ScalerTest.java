package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.core.Dataset;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ScalerTest {

    private static final float TOLERANCE = 1e-6f;
    /** √1.5: the z-score of a value one step from the mean of three evenly spaced values. */
    private static final float ROOT_ONE_AND_A_HALF = 1.2247448713915890f;

    /** Three rows; columns: 1, 2, 3 / constant 10 / −4, 0, 4. */
    private static final float[] TRAIN = {
        1, 10, -4,
        2, 10, 0,
        3, 10, 4,
    };

    private static Dataset dataset(float[] features) {
        return new Dataset(features.clone(), 3, new float[features.length / 3], 1);
    }

    @Test
    void minMaxMapsTheTrainingRangeOntoZeroToOne() {
        Scaler scaler = Scaler.fitMinMax(dataset(TRAIN));

        assertArrayEquals(new float[] {1, 10, -4}, scaler.center(), "the minimums");
        assertArrayEquals(new float[] {2, 1, 8}, scaler.scale(), "the ranges, 1 for the constant column");
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 0, 0.5f, 1, 0, 1}, scaler.transform(dataset(TRAIN)).features());
    }

    @Test
    void standardisationGivesZScoresWithThePopulationDeviation() {
        Scaler scaler = Scaler.fitStandard(dataset(TRAIN));

        // Means 2, 10, 0; deviations √(2/3), none (so 1), √(32/3).
        assertArrayEquals(new float[] {2, 10, 0}, scaler.center());
        assertArrayEquals(new float[] {(float) Math.sqrt(2.0 / 3), 1, (float) Math.sqrt(32.0 / 3)}, scaler.scale(),
                TOLERANCE);
        float z = ROOT_ONE_AND_A_HALF;
        assertArrayEquals(new float[] {-z, 0, -z, 0, 0, 0, z, 0, z}, scaler.transform(dataset(TRAIN)).features(),
                TOLERANCE);
    }

    @Test
    void otherDataIsScaledWithTheTrainingStatistics() {
        Dataset train = dataset(TRAIN);
        float[] test = {5, 12, 8};

        float[] minMax = test.clone();
        Scaler.fitMinMax(train).transform(minMax, 1);
        // (5 − 1) / 2, (12 − 10) / 1, (8 + 4) / 8: outside [0, 1], because the test data is not refitted.
        assertArrayEquals(new float[] {2, 2, 1.5f}, minMax);

        float[] standard = test.clone();
        Scaler.fitStandard(train).transform(standard, 1);
        // (5 − 2) / √(2/3) = 3·√1.5; (8 − 0) / √(32/3) = √6.
        assertArrayEquals(new float[] {3 * ROOT_ONE_AND_A_HALF, 2, (float) Math.sqrt(6)}, standard, TOLERANCE);
    }

    @Test
    void aConstantColumnBecomesExactlyZeroEvenWhenItsMeanIsNotExact() {
        // 0.1f summed a thousand times in double is not exactly 1000 · 0.1f: the mean carries a rounding error.
        float[] features = new float[3 * 1001];
        for (int r = 0; r < 1001; r++) {
            features[3 * r] = 0.1f;
            features[3 * r + 1] = r;
            features[3 * r + 2] = 0.1f;
        }
        Dataset data = dataset(features);

        for (Scaler.Method method : Scaler.Method.values()) {
            Scaler scaler = Scaler.fit(method, data);
            float[] scaled = scaler.transform(data).features();
            for (int r = 0; r < 1001; r++) {
                assertEquals(0f, scaled[3 * r], method + " row " + r);
            }
            assertEquals(1f, scaler.scale()[0], method + ": constant column scale");
        }
    }

    @Test
    void aScalerRebuiltFromItsStatisticsScalesIdentically() {
        float[] data = {3.5f, -1, 7, 0.25f, 100, 2, 9, 9, 9, 1, 2, 3};
        Dataset train = dataset(data);
        for (Scaler.Method method : Scaler.Method.values()) {
            Scaler fitted = Scaler.fit(method, train);
            Scaler rebuilt = Scaler.of(fitted.method(), fitted.center(), fitted.scale());

            assertSame(method, rebuilt.method());
            assertArrayEquals(fitted.transform(train).features(), rebuilt.transform(train).features());
        }
    }

    @Test
    void inverseTransformRestoresTheOriginalUnits() {
        Scaler scaler = Scaler.fitStandard(dataset(TRAIN));
        float[] values = TRAIN.clone();

        scaler.transform(values, 3);
        scaler.inverseTransform(values, 3);

        assertArrayEquals(TRAIN, values, TOLERANCE);
    }

    @Test
    void transformingADatasetCopiesTheFeaturesAndLeavesTheOriginal() {
        Dataset train = dataset(TRAIN);
        Scaler scaler = Scaler.fitMinMax(train);

        Dataset scaled = scaler.transform(train);

        assertArrayEquals(TRAIN, train.features());
        assertSame(train.targets(), scaled.targets());
        scaler.transformInPlace(train);
        assertArrayEquals(scaled.features(), train.features());
    }

    @Test
    void byteCodedDataIsFittedAndTransformedAsItsFloats() {
        byte[] codes = new byte[40 * 3];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (i * 37 + 11);
        }
        float[] table = IdxReader.unitScale();
        float[] values = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = table[codes[i] & 0xFF];
        }
        Dataset coded = Dataset.ofBytes(codes, table, 3, new float[40], 1);
        Dataset plain = new Dataset(values, 3, new float[40], 1);

        for (Scaler.Method method : Scaler.Method.values()) {
            Scaler fromCodes = Scaler.fit(method, coded);
            Scaler fromFloats = Scaler.fit(method, plain);
            assertArrayEquals(fromFloats.center(), fromCodes.center());
            assertArrayEquals(fromFloats.scale(), fromCodes.scale());

            Dataset scaled = fromCodes.transform(coded);
            assertFalse(scaled.byteCoded());
            assertArrayEquals(fromFloats.transform(plain).features(), scaled.features());
            assertSame(coded.targets(), scaled.targets());
        }
        assertArrayEquals(values, coded.features(), "the codes are unchanged");
    }

    @Test
    void byteCodedDataCannotBeScaledInPlace() {
        Dataset coded = Dataset.ofBytes(new byte[] {1, 2, 3}, IdxReader.unitScale(), 3, new float[1], 1);
        Scaler scaler = Scaler.fitMinMax(dataset(TRAIN));

        String message = assertThrows(IllegalArgumentException.class, () -> scaler.transformInPlace(coded))
                .getMessage();

        assertTrue(message.contains("byte codes") && message.contains("transform(dataset)"), message);
    }

    @Test
    void theStatisticsCannotBeChangedFromOutside() {
        Scaler scaler = Scaler.fitMinMax(dataset(TRAIN));

        scaler.center()[0] = 99;
        scaler.scale()[0] = 99;

        assertEquals(1f, scaler.center()[0]);
        assertEquals(2f, scaler.scale()[0]);
    }

    @Test
    void mismatchedColumnsAndInvalidStatisticsAreRefused() {
        Scaler scaler = Scaler.fitMinMax(dataset(TRAIN));
        Dataset twoColumns = new Dataset(new float[] {1, 2}, 2, new float[] {0}, 1);

        assertThrows(IllegalArgumentException.class, () -> scaler.transform(twoColumns));
        assertThrows(IllegalArgumentException.class,
                () -> Scaler.of(Scaler.Method.STANDARD, new float[] {0}, new float[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> Scaler.of(Scaler.Method.STANDARD, new float[] {0, 1}, new float[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Scaler.fitStandard(new Dataset(new float[0], 3, new float[0], 1)));
        assertEquals("Scaler(MIN_MAX, center=" + Arrays.toString(new float[] {1, 10, -4}) + ", scale="
                + Arrays.toString(new float[] {2, 1, 8}) + ")", scaler.toString());
    }
}
