package io.sinapse.data;

/**
 * Reads numbers written as data files write them: {@code 3}, {@code -0.5}, {@code .5}, {@code 1e-3}. Stricter
 * than {@link Double#parseDouble}, which also takes {@code NaN}, {@code Infinity}, {@code 0x1p3} and {@code 2f},
 * none of which is a value a CSV column should silently hold. Checks without throwing, so probing a column of
 * text labels stays cheap.
 */
final class DecimalText {

    private DecimalText() {
    }

    /** Whether {@code text} is a plain decimal number, optionally signed, with an optional exponent. */
    static boolean isDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
