package io.sinapse.app;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers the way a person writes them in a lesson: {@code 48}, {@code 0.5}, {@code 0.0123}, {@code 1.2e-05}. */
public final class Num {

    private Num() {
    }

    /** Up to four significant digits, no trailing zeros, a dot for decimals. */
    public static String format(double value) {
        return format(value, 4);
    }

    /** Up to {@code digits} significant digits, no trailing zeros. */
    public static String format(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e9) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value)
                    .replaceAll("\\.?0+e", "e");
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(Math.max(digits,
                (int) Math.floor(Math.log10(magnitude)) + 1)));
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A factor in a product written out: negatives in parentheses, {@code (−0.05)}. */
    public static String factor(double value) {
        return value < 0 ? "(−" + format(-value) + ")" : format(value);
    }

    /** A share as a percentage: {@code 0.75} → {@code 75%}, {@code 0.9912} → {@code 99.1%}. */
    public static String percent(double share) {
        return format(share * 100, 3) + "%";
    }

    static boolean looksNumeric(String text) {
        return text.matches("[-+]?[0-9.∞]+(e[-+]?[0-9]+)?%?|NaN|-?∞|—|");
    }
}
