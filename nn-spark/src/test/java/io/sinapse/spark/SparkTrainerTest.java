package io.sinapse.spark;

import io.sinapse.core.Epoch;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;
import io.sinapse.data.BuiltinDatasets;
import io.sinapse.data.LabeledDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Synchronous data-parallel training is the single-machine mini-batch step: same batches (the trainer's seeded
 * shuffle), same gradient, same update. With one partition the weights are bit for bit those of {@link Trainer};
 * with several, the gradient's float sums are added in another order, and the weights agree to {@link #TOLERANCE}.
 */
class SparkTrainerTest {

    /** Largest difference allowed between any weight trained on Spark and on one machine (relative to 1). */
    static final float TOLERANCE = 1e-6f;

    private static SparkSession spark;
    private static Dataset<Row> moons;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        LabeledDataset data = BuiltinDatasets.get("moons(samples=240, noise=0.15, seed=5)");
        moons = Frames.columns(spark, data, "class").cache();
    }

    @AfterAll
    static void release() {
        moons.unpersist();
    }

    private static Network network() {
        return Network.builder(2).dense(8, "tanh").dense(2, "softmax").seed(7).build();
    }

    private static Trainer.Builder single(String optimizer) {
        return Trainer.builder().loss("cross_entropy").optimizer(optimizer).epochs(2).batchSize(30).seed(3);
    }

    private static SparkTrainer.Builder distributed(String optimizer) {
        return SparkTrainer.builder().loss("cross_entropy").optimizer(optimizer).epochs(2).batchSize(30).seed(3);
    }

    private static float maxDifference(Network a, Network b) {
        float[] x = FlatWeights.values(a);
        float[] y = FlatWeights.values(b);
        float max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]) / Math.max(1f, Math.abs(x[i])));
        }
        return max;
    }

    @Test
    void onePartitionGivesTheSingleMachineWeightsBitForBit() {
        DistributedData data = DistributedData.from(moons).target("class").partitions(1).build();
        for (String optimizer : List.of("sgd(lr=0.2)", "adam(lr=0.01)")) {
            Network local = network();
            History history = single(optimizer).build().fit(local, data.collect());
            Network remote = network();
            SparkTrainer.Result result = distributed(optimizer).build().fit(remote, data);
            assertArrayEquals(FlatWeights.values(local), FlatWeights.values(remote), optimizer
                    + ": one partition holds the whole batch, so every sum runs in the trainer's order");
            for (int e = 0; e < history.size(); e++) {
                Epoch expected = history.epochs().get(e);
                Epoch actual = result.history().epochs().get(e);
                assertEquals(expected.loss(), actual.loss(), 1e-12, "loss of epoch " + (e + 1));
                assertEquals(expected.accuracy(), actual.accuracy(), 0, "accuracy of epoch " + (e + 1));
            }
        }
        data.release();
    }

    @Test
    void severalPartitionsAgreeWithTheSingleMachineUpToFloatSummationOrder() {
        for (int partitions : new int[]{2, 3}) {
            DistributedData data = DistributedData.from(moons).target("class").partitions(partitions)
                    .build();
            for (String optimizer : List.of("sgd(lr=0.2)", "adam(lr=0.01)")) {
                Network local = network();
                History history = single(optimizer).regularizer("l2(lambda=0.001)").build()
                        .fit(local, data.collect());
                Network remote = network();
                SparkTrainer.Result result = distributed(optimizer).regularizer("l2(lambda=0.001)").build()
                        .fit(remote, data);
                float difference = maxDifference(local, remote);
                System.out.printf("%d partitions, %s: largest weight difference %.3g%n", partitions, optimizer,
                        difference);
                assertTrue(difference <= TOLERANCE, partitions + " partitions, " + optimizer
                        + ": weights should agree to " + TOLERANCE + ", largest difference " + difference);
                assertEquals(history.last().loss(), result.history().epochs().get(1).loss(), 1e-6,
                        "final loss");
                assertEquals(2 * 8, result.steps(), "240 rows in batches of 30 for 2 epochs");
                assertEquals(result.steps(), result.rounds(), "one round per step");
            }
            data.release();
        }
    }

    @Test
    void averagingAfterEveryStepWithPlainSgdIsTheSynchronousStep() {
        DistributedData data = DistributedData.from(moons).target("class").partitions(2).build();
        Network synchronous = network();
        distributed("sgd(lr=0.2)").build().fit(synchronous, data);
        Network averaged = network();
        SparkTrainer.Result result = distributed("sgd(lr=0.2)").averageEvery(1).build().fit(averaged, data);
        float difference = maxDifference(synchronous, averaged);
        assertTrue(difference <= TOLERANCE, "Σ (n_p/n)(w − lr·g_p) = w − lr·Σ (n_p/n)·g_p, so k = 1 is the"
                + " synchronous step; largest difference " + difference);
        assertEquals(result.steps(), result.rounds());
        data.release();
    }

    @Test
    void averagingEveryFewStepsTakesFewerRoundsAndStillLearns() {
        DistributedData data = DistributedData.from(moons).target("class").partitions(2).build();
        Network network = Network.builder(2).dense(16, "tanh").dense(2, "softmax").seed(7).build();
        SparkTrainer trainer = SparkTrainer.builder().loss("cross_entropy").optimizer("adam(lr=0.02)").epochs(12)
                .batchSize(8).seed(3).averageEvery(10).build();
        SparkTrainer.Result result = trainer.fit(network, data);
        assertEquals(12 * 30, result.steps(), "30 batches of 8 per epoch");
        assertEquals(12 * 3, result.rounds(), "one round per 10 steps");
        double accuracy = trainer.evaluate(network, data).accuracy();
        System.out.printf("averaging every 10 steps: accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= 0.95, "two moons should be learnt, got accuracy " + accuracy);
        int weights = 2 * 16 + 16 + 16 * 2 + 2;
        assertEquals(4L * 3 * weights, result.bytesBroadcastPerRound(), "weights and Adam's two moments, 4 bytes each");
        assertEquals(2 * result.bytesBroadcastPerRound(), result.bytesAggregatedPerRound(), "one vector per partition");
        data.release();
    }
}
