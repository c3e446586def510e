package io.sinapse.app.report;

import io.sinapse.app.Num;

import java.util.function.DoubleBinaryOperator;

/** Pictures made of characters, for the terminal. */
public final class Ascii {

    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

    private Ascii() {
    }

    /**
     * A classifier's decision over the plane: {@code #} where {@code probability(x, y) > 0.5}, {@code ·} elsewhere,
     * and each example drawn as its class digit. x grows to the right, y upwards.
     */
    public static String decisionGrid(DoubleBinaryOperator probability, double xMin, double xMax, double yMin,
                                      double yMax, int columns, int rows, double[] pointX, double[] pointY,
                                      int[] pointClass) {
        char[][] cells = new char[rows][columns];
        for (int r = 0; r < rows; r++) {
            double y = yMax - (yMax - yMin) * r / (rows - 1);
            for (int c = 0; c < columns; c++) {
                double x = xMin + (xMax - xMin) * c / (columns - 1);
                cells[r][c] = probability.applyAsDouble(x, y) > 0.5 ? '#' : '·';
            }
        }
        for (int i = 0; i < pointX.length; i++) {
            int c = (int) Math.round((pointX[i] - xMin) / (xMax - xMin) * (columns - 1));
            int r = (int) Math.round((yMax - pointY[i]) / (yMax - yMin) * (rows - 1));
            if (r >= 0 && r < rows && c >= 0 && c < columns) {
                cells[r][c] = Character.forDigit(pointClass[i], 10);
            }
        }
        String top = Num.format(yMax, 2);
        String bottom = Num.format(yMin, 2);
        int margin = Math.max(top.length(), bottom.length());
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            String label = r == 0 ? top : r == rows - 1 ? bottom : "";
            text.append(" ".repeat(margin - label.length() + 2)).append(label).append(" │")
                    .append(cells[r]).append('\n');
        }
        text.append(" ".repeat(margin + 3)).append('└').append("─".repeat(columns)).append('\n');
        String left = Num.format(xMin, 2);
        String right = Num.format(xMax, 2);
        text.append(" ".repeat(margin + 4)).append(left)
                .append(" ".repeat(Math.max(1, columns - left.length() - right.length()))).append(right)
                .append('\n');
        return text.toString();
    }

    /** The values as one line of bars, lowest ▁ to highest █, resampled to at most {@code width} characters. */
    public static String sparkline(double[] values, int width) {
        int n = values.length;
        if (n == 0) {
            return "";
        }
        int count = Math.min(width, n);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double v = values[(int) ((long) i * (n - 1) / Math.max(1, count - 1))];
            if (!Double.isFinite(v)) {
                line.append('×');
            } else if (max == min) {
                line.append(BARS[0]);
            } else {
                int level = (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
                line.append(BARS[level]);
            }
        }
        return line.toString();
    }
}
