package io.sinapse.testkit;

import static io.sinapse.testkit.Failures.assertFailsSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tolerance rules of {@link GradientCheck} and {@link FloatAgreement}, on numbers worked out by hand. */
class GradientCheckTest {

    @Test
    void toleranceIsRelativePlusAnAbsoluteFloorScaledByTheValues() {
        assertEquals(1e-6 * 2 + 1e-8, GradientCheck.tolerance(2, 1.5, 0.5), 1e-22, "scale below 1 counts as 1");
        assertEquals(1e-6 * 2 + 1e-8 * 30, GradientCheck.tolerance(-2, 1.5, 30), 1e-22, "scale 30");
    }

    @Test
    void sixDigitsAgreeAndFiveDoNot() {
        assertTrue(GradientCheck.agrees(0.25, 0.25 + 1e-7, 1), "relative error 4e-7");
        assertFalse(GradientCheck.agrees(0.25, 0.25 + 1e-5, 1), "relative error 4e-5");
    }

    @Test
    void nearZeroDerivativesAgreeWithinTheFloor() {
        assertTrue(GradientCheck.agrees(9.4e-14, 5.5e-11, 1), "sigmoid'(30) against a quotient of rounding noise");
        assertFalse(GradientCheck.agrees(0, 1e-7, 1), "1e-7 is no longer noise for values of order 1");
    }

    @Test
    void nanNeverAgrees() {
        assertFalse(GradientCheck.agrees(Double.NaN, Double.NaN, 1));
        assertFalse(GradientCheck.agrees(0.5, Double.NaN, 1));
        assertFalse(FloatAgreement.agrees(0.5, Double.NaN, 1));
        assertTrue(FloatAgreement.agrees(Double.NaN, Double.NaN, 1), "NaN on both paths is agreement");
    }

    @Test
    void pointsWithinTwoStepsOfAKinkAreSkipped() {
        List<Double> kinks = List.of(0.0);
        assertTrue(GradientCheck.nearKink(0, kinks));
        assertTrue(GradientCheck.nearKink(1.5e-6, kinks));
        assertFalse(GradientCheck.nearKink(3e-6, kinks));
        assertFalse(GradientCheck.nearKink(1e-3, kinks), "the edge value 1e-3 is checked");
    }

    @Test
    void checkWhereEveryPointIsAKinkFailsRatherThanPassingEmpty() {
        assertFailsSaying(() -> GradientCheck.activation(new Correct.PlainRelu(), new double[] {0, 0},
                        new double[] {1, 1}, 1, 2, List.of(0.0)),
                "skipped all 2 inputs", "prove anything");
    }

    @Test
    void floatAgreementAllowsAFewFloatRoundingsOnly() {
        assertTrue(FloatAgreement.agrees((float) 0.1, 0.1, 0.1), "one rounding to float");
        assertFalse(FloatAgreement.agrees(0.1001, 0.1, 0.1), "1e-4 off is another function");
        assertTrue(FloatAgreement.agrees(0, 4.5e-7, 1), "a small difference of order-1 numbers");
    }
}
