package io.sinapse.spark;

import io.sinapse.core.Dataset;
import io.sinapse.data.BuiltinDatasets;
import io.sinapse.data.DataException;
import io.sinapse.data.LabeledDataset;
import io.sinapse.data.Scaler;
import io.sinapse.persistence.Task;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classes, scaling and row ids computed where the data lies agree with nn-data on one machine. */
class DistributedDataTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
    }

    @Test
    void scalingStatisticsAndScaledRowsMatchTheSingleMachineScaler() {
        LabeledDataset spirals = BuiltinDatasets.get("spirals(samples=150, classes=3, seed=4)");
        for (DistributedData.Scaling scaling : DistributedData.Scaling.values()) {
            DistributedData data = DistributedData.from(Frames.columns(spark, spirals, "arm")).target("arm")
                    .scaling(scaling).partitions(3).build();
            assertEquals(Task.CLASSIFICATION, data.task());
            assertEquals(spirals.classes().orElseThrow().names(), data.classes(), "sorted class names");
            assertEquals(150, data.rows());
            assertEquals(3, data.partitions());
            Dataset expected = spirals.dataset();
            if (scaling != DistributedData.Scaling.NONE) {
                Scaler scaler = scaling == DistributedData.Scaling.STANDARD ? Scaler.fitStandard(expected)
                        : Scaler.fitMinMax(expected);
                assertArrayEquals(scaler.center(), data.scaler().offset(), 1e-6f, scaling + " centres");
                assertArrayEquals(scaler.scale(), data.scaler().scale(), 1e-6f, scaling + " scales");
                expected = Scaler.of(scaler.method(), data.scaler().offset(), data.scaler().scale()).transform(expected);
            }
            Dataset collected = data.collect();
            assertArrayEquals(expected.features(), collected.features(), "features in input order");
            assertArrayEquals(expected.targets(), collected.targets(), "one-hot targets in input order");
            data.release();
        }
    }

    @Test
    void numericClassNamesSortAsNumbersAndTextTargetsAreClassification() {
        var schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("x", DataTypes.StringType, false),
                DataTypes.createStructField("grade", DataTypes.StringType, false)));
        List<Row> rows = List.of(RowFactory.create("1", "10"), RowFactory.create("2", "2"),
                RowFactory.create("3", "1"), RowFactory.create("4", "10"));
        DistributedData data = DistributedData.from(spark.createDataFrame(rows, schema))
                .task(Task.CLASSIFICATION).scaling(DistributedData.Scaling.NONE).build();
        assertEquals(List.of("1", "2", "10"), data.classes(), "numbers sort by value, as CsvLoader sorts them");
        assertArrayEquals(new float[]{0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1}, data.collect().targets());
        DistributedData regression = DistributedData.from(spark.createDataFrame(rows, schema)).build();
        assertEquals(Task.REGRESSION, regression.task(), "a target of numbers is regression unless told otherwise");
        assertEquals(5.75f, regression.targetOffset(), 1e-6f, "target mean, as nn train standardises it");
        assertEquals((float) Math.sqrt((4.25 * 4.25 + 3.75 * 3.75 + 4.75 * 4.75 + 4.25 * 4.25) / 4),
                regression.targetScale(), 1e-6f, "target population standard deviation");
    }

    @Test
    void aBadValueNamesItsRowAndColumn() {
        var schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("width", DataTypes.StringType, true),
                DataTypes.createStructField("kind", DataTypes.StringType, false)));
        List<Row> rows = List.of(RowFactory.create("1.5", "a"), RowFactory.create("2", "b"),
                RowFactory.create("wide", "a"));
        DataException e = assertThrows(DataException.class,
                () -> DistributedData.from(spark.createDataFrame(rows, schema)).build());
        assertTrue(e.getMessage().startsWith("Row 3 (counted from 1, header excluded), column 'width': 'wide' is"
                + " not a number"), e.getMessage());
        DataException missing = assertThrows(DataException.class, () -> DistributedData.from(
                spark.createDataFrame(List.of(RowFactory.create(null, "a"), RowFactory.create("1", "b")), schema))
                .build());
        assertTrue(missing.getMessage().contains("Row 1") && missing.getMessage().contains("is empty"),
                missing.getMessage());
        DataException column = assertThrows(DataException.class,
                () -> DistributedData.from(spark.createDataFrame(rows, schema)).target("height").build());
        assertEquals("No target column 'height'. Columns: width, kind", column.getMessage());
    }
}
