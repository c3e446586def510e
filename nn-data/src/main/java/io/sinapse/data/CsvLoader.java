package io.sinapse.data;

import io.sinapse.core.Dataset;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file with a header row into a {@link LabeledDataset}: every column but the target and the dropped
 * ones is a numeric feature; the target is one-hot encoded classes or a number to regress on.
 *
 * <pre>{@code
 * LabeledDataset iris = CsvLoader.builder().target("species").drop("id").build().load(Path.of("iris.csv"));
 * }</pre>
 *
 * <p>Fields follow RFC 4180 (parsed by Apache Commons CSV): double-quoted fields may hold the delimiter, quotes
 * written twice and line breaks; spaces around fields are ignored; blank lines are skipped. The delimiter is
 * detected from the first lines ({@code , ; TAB |}) unless {@linkplain Builder#delimiter set}. Without a target
 * option the last column is the target. The task, unless {@linkplain Builder#task set}, follows the target:
 * all numbers means regression, any text means classification. Class names are sorted (numerically when they
 * are all numbers) and kept as the {@link LabelEncoding}; pass a training file's encoding to
 * {@link Builder#classes} to load its test file with the same columns.
 *
 * <p>The whole file is read and checked before anything is returned: a ragged row, text in a feature column, a
 * missing value (unless {@link MissingValues} says how to fill it), an unknown column or an empty file is a
 * {@link DataException} naming the file, the line and the column (both counted from 1, as editors show them).
 * A loader is immutable and can be reused for any number of files.
 */
public final class CsvLoader {

    /** What counts as a missing value unless {@link Builder#missingMarkers} says otherwise; case is ignored. */
    public static final Set<String> DEFAULT_MISSING_MARKERS = Set.of("", "NA", "N/A", "NaN", "null", "?");

    private static final Logger LOG = LoggerFactory.getLogger(CsvLoader.class);
    private static final int DETECTION_SAMPLE_CHARS = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String targetName;
    private final int targetIndex;
    private final Set<String> dropped;
    private final Character delimiter;
    private final Task task;
    private final MissingValues missingValues;
    private final Set<String> missingMarkers;
    private final LabelEncoding classes;

    private CsvLoader(Builder builder) {
        this.targetName = builder.targetName;
        this.targetIndex = builder.targetIndex;
        this.dropped = Set.copyOf(builder.dropped);
        this.delimiter = builder.delimiter;
        this.task = builder.task;
        this.missingValues = builder.missingValues;
        Set<String> markers = new LinkedHashSet<>();
        builder.missingMarkers.forEach(m -> markers.add(m.trim().toUpperCase(Locale.ROOT)));
        this.missingMarkers = Set.copyOf(markers);
        this.classes = builder.classes;
    }

    /** Options, all optional: by default the last column is the target, the task and delimiter are detected. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a UTF-8 file; its path names it in error messages. */
    public LabeledDataset load(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataException("CSV file not found: " + file, e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Reads CSV text from {@code reader} (which the caller closes).
     *
     * @param source the name error messages give the input, e.g. its file name
     */
    public LabeledDataset load(Reader reader, String source) {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            char fieldDelimiter = delimiter != null ? delimiter : detectDelimiter(buffered, source);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(fieldDelimiter)
                    .setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            CSVParser parser = CSVParser.builder().setReader(buffered).setFormat(format).get();
            return read(parser, source, fieldDelimiter);
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new DataException(source + " is not UTF-8 text: save it as UTF-8", e);
            }
            if (cause instanceof CSVException) {
                throw new DataException(source + ": malformed CSV, " + cause.getMessage()
                        + ". A field holding the delimiter, a quote or a line break must be in double quotes,"
                        + " with its quotes written twice (\"\").", e);
            }
            throw new DataException("Cannot read " + source + ": " + cause, e);
        }
    }

    private static char detectDelimiter(BufferedReader reader, String source) {
        try {
            reader.mark(DETECTION_SAMPLE_CHARS + 1);
            char[] sample = new char[DETECTION_SAMPLE_CHARS];
            int length = 0;
            int read;
            while (length < sample.length && (read = reader.read(sample, length, sample.length - length)) > 0) {
                length += read;
            }
            reader.reset();
            String text = new String(sample, 0, length);
            if (length == sample.length) {
                // Keep whole lines only: a cut line would miscount its fields.
                int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
                text = lastBreak > 0 ? text.substring(0, lastBreak) : text;
            }
            char detected = DelimiterDetector.detect(text);
            LOG.debug("{}: detected delimiter {}", source, DelimiterDetector.describe(detected));
            return detected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LabeledDataset read(CSVParser parser, String source, char fieldDelimiter) throws IOException {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw new DataException(source + " is empty: expected a header row naming the columns, then one row"
                    + " per example");
        }
        List<String> header = headerNames(records.next(), source);
        int target = resolveTarget(header, source);
        int[] featureColumns = featureColumns(header, target, source);
        List<String> featureNames = new ArrayList<>();
        for (int column : featureColumns) {
            featureNames.add(header.get(column));
        }
        String targetColumnName = header.get(target);
        String where = source + ", column " + (target + 1) + " ('" + targetColumnName + "')";

        int featureCount = featureColumns.length;
        GrowableFloats features = new GrowableFloats(featureCount * 1024);
        GrowableFloats numericTargets = new GrowableFloats(1024);
        GrowableInts labelIds = new GrowableInts(1024);
        Map<String, Integer> idByLabel = new HashMap<>();
        List<String> labelsInOrderSeen = new ArrayList<>();
        boolean targetAllNumeric = task != Task.CLASSIFICATION && classes == null;
        int[] missingPerColumn = new int[featureCount];
        float[] row = new float[featureCount];
        int droppedRows = 0;

        while (records.hasNext()) {
            long endLine = parser.getCurrentLineNumber();
            CSVRecord record = records.next();
            long line = endLine - lineBreaksInside(record);
            if (record.size() == 1 && header.size() > 1 && record.get(0).isEmpty()) {
                continue; // a line of spaces only
            }
            if (record.size() != header.size()) {
                throw new DataException(source + ", line " + line + ": " + record.size() + " fields, but the header"
                        + " has " + header.size() + " columns (" + String.join(", ", header) + "). Look for a"
                        + " missing or extra delimiter " + DelimiterDetector.describe(fieldDelimiter)
                        + ", or an unquoted field containing one.");
            }
            boolean skipRow = false;
            for (int f = 0; f < featureCount; f++) {
                int column = featureColumns[f];
                String text = record.get(column);
                if (isMissing(text)) {
                    switch (missingValues) {
                        case ERROR -> throw new DataException(place(source, line, column, header)
                                + ": missing value" + shown(text) + ". Fill it in, drop the column, or choose"
                                + " MissingValues.MEAN or DROP_ROWS.");
                        case MEAN -> {
                            row[f] = Float.NaN;
                            missingPerColumn[f]++;
                        }
                        case DROP_ROWS -> skipRow = true;
                    }
                } else {
                    row[f] = parseFeature(text, source, line, column, header);
                }
            }
            String label = record.get(target);
            if (isMissing(label)) {
                if (missingValues != MissingValues.DROP_ROWS) {
                    throw new DataException(place(source, line, target, header) + ": missing target value"
                            + shown(label) + ". Targets are never imputed: fill it in or choose"
                            + " MissingValues.DROP_ROWS.");
                }
                skipRow = true;
            }
            if (skipRow) {
                droppedRows++;
                continue;
            }
            for (int f = 0; f < featureCount; f++) {
                features.add(row[f]);
            }
            if (task == Task.REGRESSION) {
                numericTargets.add(parseNumber(label, place(source, line, target, header)
                        + ": target '" + label + "' is not a number, but the task is regression"));
            } else if (classes != null) {
                if (!classes.contains(label)) {
                    throw new DataException(place(source, line, target, header) + ": unknown class '" + label
                            + "'. Known classes: " + String.join(", ", classes.names()));
                }
                labelIds.add(classes.indexOf(label));
            } else {
                Integer id = idByLabel.get(label);
                if (id == null) {
                    id = labelsInOrderSeen.size();
                    idByLabel.put(label, id);
                    labelsInOrderSeen.add(label);
                }
                labelIds.add(id);
                if (targetAllNumeric) {
                    if (DecimalText.isDecimal(label) && Float.isFinite(Float.parseFloat(label))) {
                        numericTargets.add(Float.parseFloat(label));
                    } else {
                        targetAllNumeric = false;
                    }
                }
            }
        }

        int rows = features.size() / featureCount;
        if (rows == 0) {
            throw new DataException(source + " has a header but no data rows"
                    + (droppedRows > 0 ? " left: all " + droppedRows + " had missing values" : ""));
        }
        float[] featureValues = features.toArray();
        if (missingValues == MissingValues.MEAN) {
            imputeMeans(featureValues, featureCount, missingPerColumn, featureNames, source);
        }
        if (droppedRows > 0) {
            LOG.info("{}: left out {} rows with missing values", source, droppedRows);
        }

        Task resolvedTask = task != null ? task
                : (classes == null && targetAllNumeric ? Task.REGRESSION : Task.CLASSIFICATION);
        Dataset dataset;
        LabeledDataset result;
        if (resolvedTask == Task.REGRESSION) {
            dataset = new Dataset(featureValues, featureCount, numericTargets.toArray(), 1);
            result = new LabeledDataset(source, dataset, featureNames, List.of(targetColumnName), Task.REGRESSION,
                    null);
        } else {
            LabelEncoding encoding = classes != null ? classes : sortedEncoding(labelsInOrderSeen);
            int[] indexOfId = new int[labelsInOrderSeen.size()];
            for (int id = 0; id < indexOfId.length; id++) {
                indexOfId[id] = encoding.indexOf(labelsInOrderSeen.get(id));
            }
            int classCount = encoding.size();
            float[] oneHot = new float[rows * classCount];
            for (int r = 0; r < rows; r++) {
                int classIndex = classes != null ? labelIds.get(r) : indexOfId[labelIds.get(r)];
                oneHot[r * classCount + classIndex] = 1f;
            }
            if (classCount == 1) {
                LOG.warn("{}: every row has the same class, '{}'", where, encoding.name(0));
            }
            dataset = new Dataset(featureValues, featureCount, oneHot, classCount);
            result = new LabeledDataset(source, dataset, featureNames, encoding.names(), Task.CLASSIFICATION,
                    encoding);
        }
        LOG.debug("Loaded {}", result);
        return result;
    }

    private static List<String> headerNames(CSVRecord headerRecord, String source) {
        List<String> header = new ArrayList<>(headerRecord.toList());
        if (!header.isEmpty() && !header.get(0).isEmpty() && header.get(0).charAt(0) == BYTE_ORDER_MARK) {
            header.set(0, header.get(0).substring(1).trim());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                header.set(i, "unnamed_" + i); // as pandas names the index column it writes without a name
            }
            Integer previous = seen.put(header.get(i), i);
            if (previous != null) {
                throw new DataException(source + ", line 1: columns " + (previous + 1) + " and " + (i + 1)
                        + " are both named '" + header.get(i) + "'. Column names must be unique.");
            }
        }
        if (header.size() < 2) {
            throw new DataException(source + ", line 1: the header names one column ('" + header.get(0) + "'),"
                    + " but a dataset needs a target and at least one feature. If the file uses another"
                    + " delimiter than the ones detected (, ; TAB |), set it with delimiter(…).");
        }
        return header;
    }

    private int resolveTarget(List<String> header, String source) {
        if (targetName != null) {
            int index = header.indexOf(targetName);
            if (index < 0) {
                throw new DataException(source + ": no target column '" + targetName + "'. Available columns: "
                        + String.join(", ", header));
            }
            return index;
        }
        if (targetIndex >= 0) {
            if (targetIndex >= header.size()) {
                throw new DataException(source + ": no target column at index " + targetIndex + " (counted from"
                        + " 0): there are " + header.size() + " columns: " + String.join(", ", header));
            }
            return targetIndex;
        }
        return header.size() - 1;
    }

    private int[] featureColumns(List<String> header, int target, String source) {
        for (String name : dropped) {
            if (!header.contains(name)) {
                throw new DataException(source + ": cannot drop column '" + name + "', there is none. Available"
                        + " columns: " + String.join(", ", header));
            }
            if (header.indexOf(name) == target) {
                throw new DataException(source + ": cannot drop column '" + name + "', it is the target");
            }
        }
        int[] columns = new int[header.size()];
        int count = 0;
        for (int i = 0; i < header.size(); i++) {
            if (i != target && !dropped.contains(header.get(i))) {
                columns[count++] = i;
            }
        }
        if (count == 0) {
            throw new DataException(source + ": no feature columns left besides the target '" + header.get(target)
                    + "' once " + dropped + " are dropped");
        }
        return Arrays.copyOf(columns, count);
    }

    private boolean isMissing(String text) {
        return missingMarkers.contains(text.toUpperCase(Locale.ROOT));
    }

    private static float parseFeature(String text, String source, long line, int column, List<String> header) {
        return parseNumber(text, place(source, line, column, header) + ": '" + text + "' is not a number."
                + " Feature columns must be numeric: drop the column, or make it the target");
    }

    private static float parseNumber(String text, String error) {
        if (!DecimalText.isDecimal(text)) {
            throw new DataException(error);
        }
        float value = Float.parseFloat(text);
        if (!Float.isFinite(value)) {
            throw new DataException(error + " (it is outside the float range)");
        }
        return value;
    }

    private static void imputeMeans(float[] values, int columns, int[] missingPerColumn, List<String> names,
                                    String source) {
        int rows = values.length / columns;
        for (int c = 0; c < columns; c++) {
            if (missingPerColumn[c] == 0) {
                continue;
            }
            double sum = 0;
            int present = 0;
            for (int r = 0; r < rows; r++) {
                float v = values[r * columns + c];
                if (!Float.isNaN(v)) {
                    sum += v;
                    present++;
                }
            }
            if (present == 0) {
                throw new DataException(source + ", column '" + names.get(c) + "': every value is missing, so"
                        + " there is no mean to fill in. Drop the column.");
            }
            float mean = (float) (sum / present);
            for (int r = 0; r < rows; r++) {
                if (Float.isNaN(values[r * columns + c])) {
                    values[r * columns + c] = mean;
                }
            }
            LOG.info("{}, column '{}': filled {} missing values with the column mean {}", source, names.get(c),
                    missingPerColumn[c], mean);
        }
    }

    /** Class names sorted as people expect: by value when they are all numbers ("2" before "10"), else by text. */
    private static LabelEncoding sortedEncoding(List<String> labels) {
        List<String> sorted = new ArrayList<>(labels);
        boolean allNumbers = sorted.stream().allMatch(DecimalText::isDecimal);
        sorted.sort(allNumbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return LabelEncoding.of(sorted);
    }

    private static long lineBreaksInside(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                // CRLF counts once, as the parser counts it.
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static String place(String source, long line, int column, List<String> header) {
        return source + ", line " + line + ", column " + (column + 1) + " ('" + header.get(column) + "')";
    }

    private static String shown(String text) {
        return text.isEmpty() ? "" : " ('" + text + "')";
    }

    /** The options of a {@link CsvLoader}. */
    public static final class Builder {

        private String targetName;
        private int targetIndex = -1;
        private final Set<String> dropped = new LinkedHashSet<>();
        private Character delimiter;
        private Task task;
        private MissingValues missingValues = MissingValues.ERROR;
        private Set<String> missingMarkers = DEFAULT_MISSING_MARKERS;
        private LabelEncoding classes;

        private Builder() {
        }

        /** The target column, by its header name. */
        public Builder target(String columnName) {
            this.targetName = columnName;
            return this;
        }

        /** The target column, by position counted from 0. */
        public Builder targetIndex(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("A column index counts from 0, got " + index);
            }
            this.targetIndex = index;
            return this;
        }

        /** Columns that are neither features nor the target, such as ids. */
        public Builder drop(String... columnNames) {
            dropped.addAll(List.of(columnNames));
            return this;
        }

        /** The field delimiter, instead of detecting it. */
        public Builder delimiter(char fieldDelimiter) {
            if (fieldDelimiter == '"' || fieldDelimiter == '\n' || fieldDelimiter == '\r') {
                throw new IllegalArgumentException("The delimiter cannot be a quote or a line break");
            }
            this.delimiter = fieldDelimiter;
            return this;
        }

        /** The task, instead of deciding it from the target (e.g. classes written as numbers 0, 1, 2). */
        public Builder task(Task value) {
            this.task = value;
            return this;
        }

        /** What to do with missing feature values; {@link MissingValues#ERROR} by default. */
        public Builder missingValues(MissingValues policy) {
            this.missingValues = policy;
            return this;
        }

        /** The texts that mean "no value", instead of {@link #DEFAULT_MISSING_MARKERS}; case is ignored. */
        public Builder missingMarkers(String... markers) {
            this.missingMarkers = Set.of(markers);
            return this;
        }

        /**
         * Fixed class names and order, e.g. the training file's, so a test file gets the same one-hot columns;
         * a label not among them is an error. Implies classification.
         */
        public Builder classes(LabelEncoding encoding) {
            this.classes = encoding;
            return this;
        }

        public CsvLoader build() {
            if (targetName != null && targetIndex >= 0) {
                throw new IllegalArgumentException("Choose the target by name ('" + targetName + "') or by index ("
                        + targetIndex + "), not both");
            }
            if (classes != null && task == Task.REGRESSION) {
                throw new IllegalArgumentException("Class names were given, but the task is regression");
            }
            return new CsvLoader(this);
        }
    }
}
