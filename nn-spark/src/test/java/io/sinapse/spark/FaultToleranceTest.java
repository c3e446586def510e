package io.sinapse.spark;

import io.sinapse.core.Network;
import io.sinapse.data.BuiltinDatasets;
import io.sinapse.persistence.Model;
import io.sinapse.persistence.Task;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark's task retries ({@code local[2,2]}: two attempts per task) leave training exactly as an undisturbed run;
 * a job that fails for good ends training with a clear error and no model file is touched.
 */
class FaultToleranceTest {

    private static SparkSession spark;
    private static DistributedData data;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        data = DistributedData.from(Frames.columns(spark,
                BuiltinDatasets.get("moons(samples=120, noise=0.1, seed=2)"), "class")).partitions(2).build();
    }

    @AfterAll
    static void release() {
        data.release();
    }

    private static Network network() {
        return Network.builder(2).dense(6, "tanh").dense(2, "softmax").seed(11).build();
    }

    private static SparkTrainer trainer(String loss) {
        return SparkTrainer.builder().loss(loss).optimizer("adam(lr=0.01)").epochs(2).batchSize(24).seed(5).build();
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTrainingEndsAsIfNothingHappened() {
        Network undisturbed = network();
        trainer("flaky_cross_entropy").fit(undisturbed, data);
        assertEquals(0, FlakyLoss.FAILURES.get(), "not armed yet");

        Network disturbed = network();
        FlakyLoss.ARMED.set(true);
        trainer("flaky_cross_entropy").fit(disturbed, data);
        assertEquals(1, FlakyLoss.FAILURES.get(), "one task attempt failed and was retried");
        assertArrayEquals(FlatWeights.values(undisturbed), FlatWeights.values(disturbed),
                "a retried task recomputes the same gradient from the same block and broadcast weights");
    }

    @Test
    void aJobThatFailsForGoodStopsTrainingWithTheReasonAndLeavesThePreviousModelIntact(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("model.sinapse");
        Network previous = network();
        SparkTrainer good = trainer("cross_entropy");
        SavedModel.save(file, SavedModel.of(previous, data, good, good.fit(previous, data), Map.of()));
        byte[] before = Files.readAllBytes(file);

        Network network = network();
        SparkTrainingException e = assertThrows(SparkTrainingException.class,
                () -> trainer("broken").fit(network, data));
        assertTrue(e.getMessage().startsWith("Distributed training failed in epoch 1, batch 1 of 5 (Spark gave up"
                + " after its task retries): IllegalStateException: the disk under partition"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was saved."), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the previous model file is untouched");
        Model kept = io.sinapse.persistence.ModelFile.load(file);
        assertEquals(Task.CLASSIFICATION, kept.task());
    }
}
