package io.sinapse.spark;

import io.sinapse.data.LabeledDataset;
import io.sinapse.data.Task;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-machine data (nn-data's {@link LabeledDataset}) as a Spark {@code Dataset<Row>}, rows in order: for the
 * built-in datasets, Fashion-MNIST, tests and benchmarks. Classification targets become a text column of class
 * names, regression targets a float column. The frame is built on the driver, so this is for data that fits there.
 */
public final class Frames {

    private Frames() {
    }

    /** One float column per feature, named as in {@code data}, then the target column {@code target}. */
    public static Dataset<Row> columns(SparkSession spark, LabeledDataset data, String target) {
        List<StructField> fields = new ArrayList<>();
        for (String name : data.featureNames()) {
            fields.add(DataTypes.createStructField(name, DataTypes.FloatType, false));
        }
        fields.add(targetField(data, target));
        int features = data.dataset().featureCount();
        List<Row> rows = new ArrayList<>(data.rows());
        float[] x = data.dataset().features();
        for (int r = 0; r < data.rows(); r++) {
            Object[] values = new Object[features + 1];
            for (int c = 0; c < features; c++) {
                values[c] = x[r * features + c];
            }
            values[features] = targetValue(data, r);
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    /** The features as one {@code array<float>} column {@code column} (e.g. 784 pixels), then the target. */
    public static Dataset<Row> array(SparkSession spark, LabeledDataset data, String column, String target) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField(column, DataTypes.createArrayType(DataTypes.FloatType, false), false),
                targetField(data, target)));
        int features = data.dataset().featureCount();
        float[] x = data.dataset().features();
        List<Row> rows = new ArrayList<>(data.rows());
        for (int r = 0; r < data.rows(); r++) {
            Float[] pixels = new Float[features];
            for (int c = 0; c < features; c++) {
                pixels[c] = x[r * features + c];
            }
            rows.add(RowFactory.create(pixels, targetValue(data, r)));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static StructField targetField(LabeledDataset data, String target) {
        if (data.task() == Task.REGRESSION && data.dataset().targetCount() != 1) {
            throw new IllegalArgumentException(data.name() + " has " + data.dataset().targetCount()
                    + " regression targets; a frame holds one target column");
        }
        return DataTypes.createStructField(target,
                data.task() == Task.CLASSIFICATION ? DataTypes.StringType : DataTypes.FloatType, false);
    }

    private static Object targetValue(LabeledDataset data, int row) {
        return data.task() == Task.CLASSIFICATION ? data.classes().orElseThrow().name(data.classOf(row))
                : data.dataset().targets()[row];
    }
}
