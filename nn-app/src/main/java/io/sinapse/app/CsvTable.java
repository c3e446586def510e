package io.sinapse.app;

import io.sinapse.data.DataException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read as text, header and rows, for {@code nn predict}, which must pass every column through and
 * has no target to split off. The delimiter is the one of {@code , ; TAB |} that the header uses most.
 */
record CsvTable(Path file, List<String> header, List<List<String>> rows, List<Long> lines) {

    static CsvTable read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1 << 16);
            String first = reader.readLine();
            if (first == null) {
                throw new DataException(file + " is empty: expected a header row and data rows");
            }
            reader.reset();
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(first))
                    .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).build();
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    List<String> values = record.toList();
                    if (header == null) {
                        header = List.copyOf(values.stream().map(v -> v.replace("\uFEFF", "")).toList());
                        continue;
                    }
                    if (values.size() != header.size()) {
                        throw new DataException(file + ", line " + parser.getCurrentLineNumber() + ": "
                                + values.size() + " fields, but the header has " + header.size());
                    }
                    rows.add(values);
                    lines.add(parser.getCurrentLineNumber());
                }
            }
            if (header == null) {
                throw new DataException(file + " is empty: expected a header row and data rows");
            }
            return new CsvTable(file, header, rows, lines);
        } catch (NoSuchFileException e) {
            throw new DataException("CSV file not found: " + file, e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Only the header row of {@code file}. */
    static List<String> header(Path file) {
        return read(file).header();
    }

    /** The named columns, as numbers, row-major; a missing column or a non-number is an error naming it. */
    float[] numbers(List<String> columns) {
        int[] index = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            index[c] = header.indexOf(columns.get(c));
            if (index[c] < 0) {
                throw new DataException(file + " has no column '" + columns.get(c) + "', which the model takes."
                        + " Its columns: " + String.join(", ", header));
            }
        }
        float[] values = new float[rows.size() * columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < index.length; c++) {
                String text = rows.get(r).get(index[c]);
                try {
                    values[r * index.length + c] = Float.parseFloat(text.trim());
                } catch (NumberFormatException e) {
                    throw new DataException(file + ", line " + lines.get(r) + ", column '" + columns.get(c)
                            + "': expected a number, got '" + text + "'");
                }
            }
        }
        return values;
    }

    private static char delimiter(String headerLine) {
        char best = ',';
        long most = -1;
        for (char candidate : new char[]{',', ';', '\t', '|'}) {
            long count = headerLine.chars().filter(ch -> ch == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }
}
