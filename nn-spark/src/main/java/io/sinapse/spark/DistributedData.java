package io.sinapse.spark;

import io.sinapse.data.DataException;
import io.sinapse.data.Scaler;
import io.sinapse.persistence.InputScaler;
import io.sinapse.persistence.Task;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Examples spread over a Spark cluster, ready for {@link SparkTrainer}: each partition is one cached block of
 * scaled features and encoded targets, each row keeps its position in the input as its id.
 *
 * <p>Built from a {@code Dataset<Row>} with numeric feature columns (or one array column) and a target column,
 * the way {@code nn train} prepares a CSV file on one machine, but computed where the data lives:
 * <ul>
 *   <li>the task: classification when the target holds any text, regression when it is all numbers (or as set);</li>
 *   <li>the classes: the target's distinct values, sorted (numerically when they are all numbers), one-hot;</li>
 *   <li>the input scaling: mean and population standard deviation (or minimum and range) of every feature, summed
 *       over partitions with {@code treeAggregate} in two passes as {@link Scaler} does; constant columns get
 *       scale 1;</li>
 *   <li>for regression, the target standardised the same way {@code nn train} does.</li>
 * </ul>
 * The statistics are what a saved model carries ({@link #scaler()}, {@link #classes()}, {@link #targetOffset()},
 * {@link #targetScale()}); pass them to the builder of a test set so it is prepared exactly like the training set.
 *
 * <pre>{@code
 * Dataset<Row> frame = DistributedData.readCsv(spark, "iris.csv");
 * DistributedData train = DistributedData.from(frame).target("species").partitions(4).build();
 * }</pre>
 */
public final class DistributedData {

    /** How the features are scaled, fitted on these rows. */
    public enum Scaling { STANDARD, MIN_MAX, NONE }

    /** A plain decimal number, as the CSV loader accepts it: optional sign, digits with an optional point, exponent. */
    static final String DECIMAL = "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$";
    private static final Pattern DECIMAL_PATTERN = Pattern.compile(DECIMAL);

    private final JavaRDD<Block> blocks;
    private final long rows;
    private final int featureCount;
    private final int targetCount;
    private final Task task;
    private final List<String> featureNames;
    private final String targetName;
    private final List<String> classes;
    private final InputScaler scaler;
    private final float targetOffset;
    private final float targetScale;

    private DistributedData(JavaRDD<Block> blocks, long rows, int featureCount, int targetCount, Task task,
                            List<String> featureNames, String targetName, List<String> classes, InputScaler scaler,
                            float targetOffset, float targetScale) {
        this.blocks = blocks;
        this.rows = rows;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.task = task;
        this.featureNames = List.copyOf(featureNames);
        this.targetName = targetName;
        this.classes = List.copyOf(classes);
        this.scaler = scaler;
        this.targetOffset = targetOffset;
        this.targetScale = targetScale;
    }

    /** Starts describing how to turn {@code frame} into training data. */
    public static Builder from(Dataset<Row> frame) {
        return new Builder(frame);
    }

    /**
     * A CSV file with a header row, read by Spark with every column as text (parsed as numbers by
     * {@link Builder#build}, so that class names keep their spelling, as in {@code nn train}).
     */
    public static Dataset<Row> readCsv(org.apache.spark.sql.SparkSession spark, String path) {
        return spark.read().option("header", "true").option("inferSchema", "false").option("mode", "FAILFAST")
                .csv(path);
    }

    JavaRDD<Block> blocks() {
        return blocks;
    }

    public long rows() {
        return rows;
    }

    public int partitions() {
        return blocks.getNumPartitions();
    }

    public int featureCount() {
        return featureCount;
    }

    /** One per class for classification (one-hot), one for regression. */
    public int targetCount() {
        return targetCount;
    }

    public Task task() {
        return task;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public String targetName() {
        return targetName;
    }

    /** The class names in one-hot column order; empty for regression. */
    public List<String> classes() {
        return classes;
    }

    /** The input scaling applied to the features (fitted here, or given), or null for none. */
    public InputScaler scaler() {
        return scaler;
    }

    /** Regression: the target was stored as {@code (value − offset) / scale}; 0 and 1 when it was not scaled. */
    public float targetOffset() {
        return targetOffset;
    }

    public float targetScale() {
        return targetScale;
    }

    /**
     * All rows on the driver, in id order, as a single-machine {@link io.sinapse.core.Dataset} with the same
     * (scaled) values the executors train on. For tests and small data.
     */
    public io.sinapse.core.Dataset collect() {
        List<Block> all = new ArrayList<>(blocks.collect());
        all.removeIf(b -> b.rows() == 0);
        all.sort(Comparator.comparingLong(b -> b.ids[0]));
        int n = Math.toIntExact(rows);
        float[] x = new float[n * featureCount];
        float[] y = new float[n * targetCount];
        long[] ids = new long[n];
        int at = 0;
        for (Block block : all) {
            System.arraycopy(block.features, 0, x, at * featureCount, block.features.length);
            System.arraycopy(block.targets, 0, y, at * targetCount, block.targets.length);
            System.arraycopy(block.ids, 0, ids, at, block.rows());
            at += block.rows();
        }
        for (int i = 0; i < n; i++) {
            if (ids[i] != i) {
                throw new IllegalStateException("Row ids should run 0 … " + (n - 1) + ", found " + ids[i] + " at " + i);
            }
        }
        return new io.sinapse.core.Dataset(x, featureCount, y, targetCount);
    }

    /** Drops the cached blocks from the executors' memory. */
    public void release() {
        blocks.unpersist(false);
    }

    @Override
    public String toString() {
        return "DistributedData(" + rows + " rows in " + partitions() + " partitions, " + featureCount + " features, "
                + task.id() + (classes.isEmpty() ? "" : " of " + classes.size() + " classes") + ")";
    }

    /** Which columns are features and target, the task, the scaling and the partitioning. */
    public static final class Builder {
        private final Dataset<Row> frame;
        private List<String> features;
        private String target;
        private final List<String> drop = new ArrayList<>();
        private Task task;
        private Scaling scaling = Scaling.STANDARD;
        private InputScaler scaler;
        private List<String> classes;
        private float[] targetScaling;
        private int partitions;

        private Builder(Dataset<Row> frame) {
            this.frame = frame;
        }

        /** The feature columns: numbers (or numeric text), or a single array column. Default: all but the target. */
        public Builder features(String... columns) {
            this.features = List.of(columns);
            return this;
        }

        public Builder features(List<String> columns) {
            this.features = List.copyOf(columns);
            return this;
        }

        /** The column to predict; default: the last one. */
        public Builder target(String column) {
            this.target = column;
            return this;
        }

        /** Columns to leave out of the default features, such as ids. */
        public Builder drop(String... columns) {
            drop.addAll(List.of(columns));
            return this;
        }

        /** Classification or regression, instead of deciding from the target column. */
        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        /** Scaling fitted on these rows (default {@link Scaling#STANDARD}); ignored when a scaler is given. */
        public Builder scaling(Scaling scaling) {
            this.scaling = scaling;
            return this;
        }

        /** A scaling fitted elsewhere (the training set's, for a test set). */
        public Builder scaler(InputScaler scaler) {
            this.scaler = scaler;
            return this;
        }

        /** The class names to encode with (the training set's, for a test set); labels outside them are an error. */
        public Builder classes(List<String> classes) {
            this.classes = List.copyOf(classes);
            return this;
        }

        /** Regression: the target's standardisation from elsewhere (the training set's). */
        public Builder targetScaling(float offset, float scale) {
            this.targetScaling = new float[]{offset, scale};
            return this;
        }

        /**
         * Spreads the rows over {@code partitions} partitions of consecutive ids (a shuffle); 0 (the default) keeps
         * the input's partitioning.
         */
        public Builder partitions(int partitions) {
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must be 0 (keep the input's) or more, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /**
         * Computes the classes and statistics and caches the prepared blocks (a few Spark jobs). A bad value fails
         * with a {@link DataException} naming the row and column.
         */
        public DistributedData build() {
            try {
                return prepare();
            } catch (Exception e) {
                // Spark wraps an executor's exception in a (checked) SparkException: report the data problem itself.
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof DataException data) {
                        throw cause == e ? data : new DataException(data.getMessage(), e);
                    }
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new DataException("Spark could not prepare the data: " + e.getMessage(), e);
            }
        }

        private DistributedData prepare() {
            StructType schema = frame.schema();
            List<String> columns = Arrays.asList(schema.fieldNames());
            String targetColumn = target != null ? target : columns.get(columns.size() - 1);
            requireColumn(columns, targetColumn, "target");
            List<String> featureColumns = new ArrayList<>();
            if (features != null) {
                for (String c : features) {
                    requireColumn(columns, c, "feature");
                    featureColumns.add(c);
                }
            } else {
                for (String c : drop) {
                    requireColumn(columns, c, "dropped");
                }
                for (String c : columns) {
                    if (!c.equals(targetColumn) && !drop.contains(c)) {
                        featureColumns.add(c);
                    }
                }
            }
            if (featureColumns.isEmpty()) {
                throw new DataException("No feature columns are left besides the target '" + targetColumn + "'");
            }
            boolean array = featureColumns.size() == 1
                    && schema.apply(featureColumns.get(0)).dataType() instanceof ArrayType;
            for (String c : featureColumns) {
                DataType type = schema.apply(c).dataType();
                if (!array && !(type instanceof NumericType) && !(type instanceof StringType)) {
                    throw new DataException("Feature column '" + c + "' holds " + type.simpleString()
                            + "; features must be numbers, numeric text, or one array of numbers");
                }
            }
            DataType targetType = schema.apply(targetColumn).dataType();
            Task resolvedTask = resolveTask(targetColumn, targetType);
            List<String> classNames = resolvedTask == Task.CLASSIFICATION
                    ? (classes != null ? classes : distinctClasses(targetColumn)) : List.of();
            if (resolvedTask == Task.CLASSIFICATION && classNames.size() < 2) {
                throw new DataException("The target '" + targetColumn + "' has " + classNames.size() + " class ("
                        + classNames + "); classification needs at least two");
            }

            int featureCount = array ? arrayWidth(featureColumns.get(0)) : featureColumns.size();
            List<String> featureNames = new ArrayList<>();
            if (array) {
                for (int i = 1; i <= featureCount; i++) {
                    featureNames.add(featureColumns.get(0) + "_" + i);
                }
            } else {
                featureNames.addAll(featureColumns);
            }
            RowReader reader = new RowReader(featureColumns, targetColumn, array, featureCount,
                    resolvedTask == Task.CLASSIFICATION, classNames);
            List<Column> selected = new ArrayList<>();
            featureColumns.forEach(c -> selected.add(functions.col(c)));
            selected.add(functions.col(targetColumn));
            JavaPairRDD<Row, Long> indexed = frame.select(selected.toArray(Column[]::new)).javaRDD().zipWithIndex();
            JavaRDD<Block> raw;
            if (partitions > 0 && partitions != indexed.getNumPartitions()) {
                long n = indexed.count();
                raw = indexed.mapToPair(Tuple2::swap)
                        .partitionBy(new ConsecutiveIds(partitions, n))
                        .mapPartitions(rows -> List.of(reader.block(rows, true)).iterator());
            } else {
                raw = indexed.mapPartitions(rows -> List.of(reader.block(swapped(rows), false)).iterator());
            }
            raw = raw.persist(StorageLevel.MEMORY_AND_DISK());

            boolean regression = resolvedTask == Task.REGRESSION;
            boolean fitScaler = scaler == null && scaling != Scaling.NONE;
            boolean fitTarget = regression && targetScaling == null && scaling != Scaling.NONE;
            InputScaler inputScaler = scaler;
            float[] targetScale = regression && targetScaling != null ? targetScaling.clone() : new float[]{0, 1};
            long rowCount;
            if (fitScaler || fitTarget) {
                ColumnStats first = raw.map(b -> ColumnStats.firstPass(b, fitTarget))
                        .treeAggregate(new ColumnStats(featureCount + (fitTarget ? 1 : 0)), ColumnStats::merge,
                                ColumnStats::merge, 2);
                rowCount = first.rows;
                if (rowCount == 0) {
                    throw new DataException("The data has no rows");
                }
                double[] mean = first.means();
                boolean needSquares = fitTarget || scaling == Scaling.STANDARD;
                ColumnStats second = needSquares
                        ? raw.map(b -> ColumnStats.secondPass(b, mean))
                        .treeAggregate(new ColumnStats(mean.length), ColumnStats::merge, ColumnStats::merge, 2)
                        : first;
                if (fitScaler) {
                    inputScaler = fitted(first, second, featureCount, scaling);
                }
                if (fitTarget) {
                    double std = Math.sqrt(second.squares[featureCount] / rowCount);
                    targetScale = new float[]{(float) mean[featureCount], std > 0 ? (float) std : 1f};
                }
            } else {
                rowCount = raw.map(Block::rows).fold(0, Integer::sum);
                if (rowCount == 0) {
                    throw new DataException("The data has no rows");
                }
            }
            if (inputScaler != null && inputScaler.columns() != featureCount) {
                throw new DataException("The scaler has " + inputScaler.columns() + " columns but the data has "
                        + featureCount + " features");
            }
            JavaRDD<Block> prepared = raw;
            if (inputScaler != null || targetScale[0] != 0f || targetScale[1] != 1f) {
                Scaler.Method method = inputScaler == null ? null : scalerMethod(inputScaler);
                float[] center = inputScaler == null ? null : inputScaler.offset();
                float[] scale = inputScaler == null ? null : inputScaler.scale();
                float[] target = targetScale;
                prepared = raw.map(b -> scaled(b, method, center, scale, target))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                prepared.count();
                raw.unpersist(false);
            }
            if (rowCount > Integer.MAX_VALUE) {
                throw new DataException("The data has " + rowCount + " rows; training handles up to "
                        + Integer.MAX_VALUE + " (the batch order is a permutation of int ids)");
            }
            return new DistributedData(prepared, rowCount, featureCount,
                    resolvedTask == Task.CLASSIFICATION ? classNames.size() : 1, resolvedTask, featureNames,
                    targetColumn, classNames, inputScaler, targetScale[0], targetScale[1]);
        }

        private static void requireColumn(List<String> columns, String column, String what) {
            if (!columns.contains(column)) {
                throw new DataException("No " + what + " column '" + column + "'. Columns: " + String.join(", ", columns));
            }
        }

        private Task resolveTask(String column, DataType type) {
            if (task != null) {
                return task;
            }
            if (classes != null) {
                return Task.CLASSIFICATION;
            }
            if (type instanceof NumericType) {
                return Task.REGRESSION;
            }
            if (type instanceof BooleanType) {
                return Task.CLASSIFICATION;
            }
            boolean anyText = !frame.filter(functions.not(functions.trim(functions.col(column)).rlike(DECIMAL)))
                    .limit(1).isEmpty();
            return anyText ? Task.CLASSIFICATION : Task.REGRESSION;
        }

        private List<String> distinctClasses(String column) {
            List<Row> distinct = frame.select(functions.col(column).cast("string")).distinct().collectAsList();
            List<String> names = new ArrayList<>();
            for (Row row : distinct) {
                if (row.isNullAt(0)) {
                    throw new DataException("The target column '" + column + "' has empty values; drop or fill"
                            + " them first, e.g. frame.na().drop()");
                }
                names.add(row.getString(0).trim());
            }
            boolean numbers = names.stream().allMatch(n -> DECIMAL_PATTERN.matcher(n).matches());
            names.sort(numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
            return names;
        }

        private int arrayWidth(String column) {
            List<Row> first = frame.select(functions.size(functions.col(column))).limit(1).collectAsList();
            if (first.isEmpty()) {
                throw new DataException("The data has no rows");
            }
            return first.get(0).getInt(0);
        }
    }

    private static Iterator<Tuple2<Long, Row>> swapped(Iterator<Tuple2<Row, Long>> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Tuple2<Long, Row> next() {
                return rows.next().swap();
            }
        };
    }

    private static InputScaler fitted(ColumnStats first, ColumnStats second, int featureCount, Scaling scaling) {
        float[] center = new float[featureCount];
        float[] scale = new float[featureCount];
        for (int c = 0; c < featureCount; c++) {
            if (scaling == Scaling.MIN_MAX) {
                center[c] = (float) first.min[c];
                scale[c] = (float) (first.max[c] - first.min[c]);
            } else {
                center[c] = (float) (first.sum[c] / first.rows);
                scale[c] = (float) Math.sqrt(second.squares[c] / first.rows);
            }
            // As Scaler.fit: a constant column becomes 0, not a division by zero.
            if (first.min[c] == first.max[c] || scale[c] == 0f) {
                center[c] = (float) first.min[c];
                scale[c] = 1f;
            }
        }
        return new InputScaler(scaling == Scaling.MIN_MAX ? "min_max" : "standard", center, scale);
    }

    private static Scaler.Method scalerMethod(InputScaler scaler) {
        return switch (scaler.method()) {
            case "standard" -> Scaler.Method.STANDARD;
            case "min_max" -> Scaler.Method.MIN_MAX;
            default -> throw new DataException("Unknown scaling method '" + scaler.method()
                    + "'; expected standard or min_max");
        };
    }

    /** Scales a block's features as {@link Scaler#transform} does and standardises a regression target. */
    private static Block scaled(Block block, Scaler.Method method, float[] center, float[] scale, float[] target) {
        Block out = block;
        if (method != null) {
            float[] x = block.features.clone();
            Scaler.of(method, center, scale).transform(x, block.rows());
            out = out.withFeatures(x);
        }
        if (target[0] != 0f || target[1] != 1f) {
            float[] y = new float[block.targets.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (block.targets[i] - target[0]) / target[1];
            }
            out = out.withTargets(y);
        }
        return out;
    }

    /** Sends row ids {@code 0 … n-1} to {@code partitions} runs of consecutive ids. */
    static final class ConsecutiveIds extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;
        private final long rows;

        ConsecutiveIds(int partitions, long rows) {
            this.partitions = partitions;
            this.rows = Math.max(rows, 1);
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            long id = (Long) key;
            return (int) Math.min(partitions - 1, id * partitions / rows);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ConsecutiveIds c && c.partitions == partitions && c.rows == rows;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(rows) * 31 + partitions;
        }
    }

    /** Turns a partition's rows into one block of floats, failing with the row and column of a bad value. */
    static final class RowReader implements Serializable {
        private static final long serialVersionUID = 1L;
        private final List<String> featureColumns;
        private final String targetColumn;
        private final boolean array;
        private final int featureCount;
        private final boolean classification;
        private final Map<String, Integer> classIndex = new HashMap<>();
        private final List<String> classes;

        RowReader(List<String> featureColumns, String targetColumn, boolean array, int featureCount,
                  boolean classification, List<String> classes) {
            this.featureColumns = List.copyOf(featureColumns);
            this.targetColumn = targetColumn;
            this.array = array;
            this.featureCount = featureCount;
            this.classification = classification;
            this.classes = List.copyOf(classes);
            for (int i = 0; i < classes.size(); i++) {
                classIndex.put(classes.get(i), i);
            }
        }

        Block block(Iterator<Tuple2<Long, Row>> rows, boolean sort) {
            List<Tuple2<Long, Row>> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            if (sort) {
                all.sort(Comparator.comparingLong(Tuple2::_1));
            }
            int targetCount = classification ? classes.size() : 1;
            long[] ids = new long[all.size()];
            float[] x = new float[all.size() * featureCount];
            float[] y = new float[all.size() * targetCount];
            for (int r = 0; r < all.size(); r++) {
                long id = all.get(r)._1;
                Row row = all.get(r)._2;
                ids[r] = id;
                readFeatures(row, id, x, r * featureCount);
                int t = row.length() - 1;
                if (row.isNullAt(t)) {
                    throw new DataException(place(id, targetColumn) + " has no target value; drop or fill missing"
                            + " values first, e.g. frame.na().drop()");
                }
                Object label = row.get(t);
                if (classification) {
                    String name = String.valueOf(label).trim();
                    Integer index = classIndex.get(name);
                    if (index == null) {
                        throw new DataException(place(id, targetColumn) + ": unknown class '" + name
                                + "'. Known classes: " + String.join(", ", classes));
                    }
                    y[r * targetCount + index] = 1f;
                } else {
                    y[r] = number(label, id, targetColumn);
                }
            }
            return new Block(ids, x, featureCount, y, targetCount);
        }

        private void readFeatures(Row row, long id, float[] x, int offset) {
            if (array) {
                if (row.isNullAt(0)) {
                    throw new DataException(place(id, featureColumns.get(0)) + " is empty");
                }
                List<Object> values = row.getList(0);
                if (values.size() != featureCount) {
                    throw new DataException(place(id, featureColumns.get(0)) + " has " + values.size()
                            + " values; the first row has " + featureCount);
                }
                for (int c = 0; c < featureCount; c++) {
                    x[offset + c] = number(values.get(c), id, featureColumns.get(0) + "[" + c + "]");
                }
                return;
            }
            for (int c = 0; c < featureCount; c++) {
                x[offset + c] = number(row.get(c), id, featureColumns.get(c));
            }
        }

        private static float number(Object value, long id, String column) {
            if (value == null) {
                throw new DataException(place(id, column) + " is empty; drop or fill missing values first, e.g."
                        + " frame.na().drop()");
            }
            if (value instanceof Number n) {
                return n.floatValue();
            }
            String text = value.toString().trim();
            if (!DECIMAL_PATTERN.matcher(text).matches()) {
                throw new DataException(place(id, column) + ": '" + text + "' is not a number");
            }
            float f = Float.parseFloat(text);
            if (!Float.isFinite(f)) {
                throw new DataException(place(id, column) + ": '" + text + "' is out of the float range");
            }
            return f;
        }

        private static String place(long id, String column) {
            return "Row " + (id + 1) + " (counted from 1, header excluded), column '" + column + "'";
        }
    }
}
