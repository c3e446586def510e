package io.sinapse.testkit;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Arrays longer than the batch, for checking that a plug-in touches only the first {@code count} elements. */
final class Tails {

    /** Fills the tails of output arrays; exact in float, and no plausible result. */
    static final double SENTINEL = -7.25;

    /** How many spare elements are appended. */
    static final int LENGTH = 3;

    private Tails() {
    }

    /** {@code values} followed by {@link #LENGTH} copies of {@code fill}. */
    static double[] padded(double[] values, double fill) {
        double[] longer = Arrays.copyOf(values, values.length + LENGTH);
        Arrays.fill(longer, values.length, longer.length, fill);
        return longer;
    }

    static double[] filled(int length, double value) {
        double[] array = new double[length];
        Arrays.fill(array, value);
        return array;
    }

    /**
     * Fails unless {@code longer} (computed with long arrays) equals {@code exact} (computed with exact-length ones)
     * on the first {@code n} elements, bit for bit, and still holds {@link #SENTINEL} after them.
     */
    static void requireSamePrefixAndUntouchedTail(String who, String array, double[] exact, double[] longer, int n,
                                                  IntFunction<String> position) {
        for (int i = n; i < longer.length; i++) {
            if (!Report.same(longer[i], SENTINEL)) {
                throw new AssertionError(who + " wrote past the first " + n + " elements: " + array + "[" + i
                        + "] was " + SENTINEL + " and became " + Report.num(longer[i]) + " (array length "
                        + longer.length + "). Only the first " + n + " elements belong to the call.");
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Report.same(exact[i], longer[i])) {
                throw new AssertionError(who + " gives a different " + array + " when the arrays are longer than "
                        + n + " elements (their tails hold NaN): at " + position.apply(i) + " "
                        + Report.num(longer[i]) + " instead of " + Report.num(exact[i])
                        + ". Read only the first " + n + " elements, not up to the array's length.");
            }
        }
    }
}
