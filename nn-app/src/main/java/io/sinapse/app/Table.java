package io.sinapse.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with aligned columns: numbers right-aligned, text left-aligned. */
public final class Table {

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private String indent = "  ";

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table indent(String text) {
        this.indent = text;
        return this;
    }

    public Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] instanceof Double d ? Num.format(d) : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    public List<String> header() {
        return header;
    }

    public List<String[]> rows() {
        return rows;
    }

    @Override
    public String toString() {
        int columns = header.size();
        for (String[] row : rows) {
            columns = Math.max(columns, row.length);
        }
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        Arrays.fill(numeric, true);
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
        }
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
                numeric[c] &= Num.looksNumeric(row[c]);
            }
        }
        StringBuilder text = new StringBuilder();
        if (!header.isEmpty()) {
            line(text, header.toArray(String[]::new), widths, numeric);
            String[] rule = new String[columns];
            for (int c = 0; c < columns; c++) {
                rule[c] = "-".repeat(widths[c]);
            }
            line(text, rule, widths, numeric);
        }
        for (String[] row : rows) {
            line(text, row, widths, numeric);
        }
        return text.toString();
    }

    private void line(StringBuilder text, String[] cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            String pad = " ".repeat(Math.max(0, widths[c] - cell.length()));
            line.append(numeric[c] ? pad + cell : cell + pad);
            if (c < cells.length - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
