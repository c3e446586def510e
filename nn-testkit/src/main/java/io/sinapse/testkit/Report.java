package io.sinapse.testkit;

import io.sinapse.api.Plugin;
import io.sinapse.api.Plugins;
import java.util.StringJoiner;

/** Formatting shared by the failure messages of the checks. */
final class Report {

    /** Rows longer than this are shown cut short. */
    private static final int SHOWN = 10;

    private Report() {
    }

    /** {@code activation 'relu'}: how a message names the plug-in under test. */
    static String describe(Plugin<?> plugin) {
        Class<?> kind = kindOf(plugin);
        return (kind == null ? "plug-in" : Plugins.kindName(kind)) + " '" + plugin.spec() + "'";
    }

    private static Class<?> kindOf(Plugin<?> plugin) {
        for (Class<?> kind : Plugins.KINDS) {
            if (kind.isInstance(plugin)) {
                return kind;
            }
        }
        return null;
    }

    /** {@code index 7 (row 1, col 2 of a 3×5 batch)}, or {@code index 7 of 9} for a single row. */
    static String position(int index, int rows, int cols) {
        if (rows == 1) {
            return "index " + index + " of " + cols;
        }
        return "index " + index + " (row " + index / cols + ", col " + index % cols + " of a " + rows + "×" + cols
                + " batch)";
    }

    static String row(double[] values, int row, int cols) {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (int c = 0; c < Math.min(cols, SHOWN); c++) {
            joined.add(Double.toString(values[row * cols + c]));
        }
        if (cols > SHOWN) {
            joined.add("… " + (cols - SHOWN) + " more");
        }
        return joined.toString();
    }

    static String values(double[] values, int count) {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < Math.min(count, SHOWN); i++) {
            joined.add(Double.toString(values[i]));
        }
        if (count > SHOWN) {
            joined.add("… " + (count - SHOWN) + " more");
        }
        return joined.toString();
    }

    static String num(double value) {
        return Double.toString(value);
    }

    /** Whether two doubles are the same bits (NaN equals NaN; -0 differs from 0). */
    static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    static boolean same(float a, float b) {
        return Float.floatToIntBits(a) == Float.floatToIntBits(b);
    }

    /** Runs {@code check}; if it fails, the message gets {@code context} (which seed, which shape) appended. */
    static void within(String context, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            AssertionError wrapped = new AssertionError(e.getMessage() + "\n  (" + context + ")", e.getCause());
            wrapped.setStackTrace(e.getStackTrace());
            throw wrapped;
        }
    }

    /** Counts disagreeing elements and keeps the description of the first. */
    static final class Mismatches {
        private int count;
        private String first;

        void add(String description) {
            if (count++ == 0) {
                first = description;
            }
        }

        void failIfAny(String headline, int total) {
            if (count > 0) {
                throw new AssertionError(headline + "\n" + first + "\n  " + count + " of " + total
                        + " checked elements disagree; the first is shown.");
            }
        }
    }
}
