package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CourseTablesTest {

    private static final float[] INPUT_PAIRS = {0, 0, 0, 1, 1, 0, 1, 1};

    @Test
    void logicGatesAreTheirTruthTables() {
        assertArrayEquals(INPUT_PAIRS, CourseTables.and().dataset().features());
        assertArrayEquals(new float[] {0, 0, 0, 1}, CourseTables.and().dataset().targets());
        assertArrayEquals(new float[] {0, 1, 1, 1}, CourseTables.or().dataset().targets());
        assertArrayEquals(new float[] {0, 1, 1, 0}, CourseTables.xor().dataset().targets());
        assertEquals(Task.CLASSIFICATION, CourseTables.xor().task());
        assertEquals(List.of("x1", "x2"), CourseTables.xor().featureNames());
    }

    @Test
    void eachCallGivesItsOwnArrays() {
        CourseTables.and().dataset().features()[0] = 42;

        assertArrayEquals(INPUT_PAIRS, CourseTables.and().dataset().features());
    }

    @Test
    void theConcertDecisionIsGoExactlyWhenYouHaveMoney() {
        LabeledDataset concert = CourseTables.concert();
        float[] x = concert.dataset().features();
        float[] decision = concert.dataset().targets();

        // All eight combinations of (another state, company, money), in binary order.
        assertArrayEquals(new float[] {
            0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1,
            1, 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1,
        }, x);
        // By hand: 3·x1 + 2·x2 + 6·x3 is 0, 6, 2, 8, 3, 9, 5, 11; only sums above the threshold 5 fire, and 5 itself
        // (another state and company, no money) does not.
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1, 0, 1}, decision);
        for (int row = 0; row < 8; row++) {
            assertEquals(x[row * 3 + 2], decision[row], "row " + row + ": decision equals x3 (money)");
        }
        assertEquals("go", concert.predictedLabel(new float[] {0.9f}, 0));
    }

    @Test
    void theCustomerTableIsTheCoursesThreeRows() {
        LabeledDataset customers = CourseTables.customerPays();

        assertEquals(Task.REGRESSION, customers.task());
        assertArrayEquals(new float[] {50, 20, 50, 10, 10, 20, 80, 90, 100}, customers.dataset().features());
        assertArrayEquals(new float[] {0.47f, 0.42f, 0.89f}, customers.dataset().targets());
        assertEquals(List.of("portfolio_monitoring", "credit_analysis", "client_active"), customers.featureNames());
    }

    @Test
    void twoClassTablesTurnIntoOneHotRowsForASoftmaxOutput() {
        LabeledDataset xor = CourseTables.xor().withOneHotTargets();

        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1, 1, 0}, xor.dataset().targets());
        assertEquals(2, xor.dataset().targetCount());
        assertEquals(List.of("0", "1"), xor.targetNames());
        assertEquals(1, xor.classOf(1));
    }
}
