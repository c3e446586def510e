package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static io.sinapse.persistence.Fixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sinapse.core.Dataset;
import io.sinapse.core.History;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;
import io.sinapse.core.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint carries the optimizer's memory (Adam's moment averages and step counts), so training resumed from
 * it ends exactly where uninterrupted training does: resumed with {@code initialEpoch}, also with shuffled batches
 * and dropout; as a fresh fit, when the examples are visited in order ({@code shuffle(false)}).
 */
class CheckpointTest {

    private static final int ROWS = 40;
    private static final int BATCH = 8;

    @TempDir
    Path dir;

    private final Dataset data = Fixtures.dataset(11, ROWS);

    private static Network fresh() {
        return Network.builder(4).plugins(PLUGINS).seed(3).dense(6, "tanh").dense(2, "sigmoid").build();
    }

    private static Trainer trainer(int epochs) {
        return Trainer.builder().plugins(PLUGINS).loss("mse").optimizer("adam(lr=0.01)").epochs(epochs)
                .batchSize(BATCH).shuffle(false).build();
    }

    private static void assertSameWeights(Network expected, Network actual, String what) {
        List<Tensor> a = expected.parameters();
        List<Tensor> b = actual.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertSameBits(a.get(i).value(), b.get(i).value(), what + ", tensor " + i);
        }
    }

    @Test
    void resumingFromACheckpointEndsWhereUninterruptedTrainingDoes() throws IOException {
        Network straight = fresh();
        History all = trainer(10).fit(straight, data);

        Network first = fresh();
        Trainer firstHalf = trainer(4);
        History before = firstHalf.fit(first, data);
        Path file = dir.resolve("checkpoint.sinapse");
        ModelFile.saveCheckpoint(file, Model.builder(first, Task.CLASSIFICATION).loss("mse").history(before).build(),
                firstHalf.optimizer());
        Model resumed = ModelFile.load(file, PLUGINS);
        History after = trainer(6).fit(resumed.network(), data);

        assertSameWeights(straight, resumed.network(), "weights after 4 + 6 epochs against 10 in one go");
        TrainingHistory joined = resumed.history().then(after);
        assertEquals(10, joined.epochs().size(), "the joined history has every epoch");
        assertEquals(10, joined.epochs().get(9).number(), "resumed epochs are renumbered to follow on");
        assertArrayEquals(all.losses(), joined.losses(), "the same loss in every epoch");
    }

    @Test
    void resumingWithInitialEpochIsExactWithShuffledBatchesAndDropout() throws IOException {
        Network straight = dropping();
        History all = shuffling(10, 0).fit(straight, data);

        Network first = dropping();
        Trainer firstPart = shuffling(4, 0);
        History before = firstPart.fit(first, data);
        Path file = dir.resolve("shuffled.sinapse");
        ModelFile.saveCheckpoint(file, Model.builder(first, Task.CLASSIFICATION).loss("mse").history(before).build(),
                firstPart.optimizer());
        Model resumed = ModelFile.load(file, PLUGINS);
        History after = shuffling(10, resumed.history().epochs().size()).fit(resumed.network(), data);

        assertSameWeights(straight, resumed.network(), "weights after 4 + 6 shuffled epochs with dropout");
        TrainingHistory joined = resumed.history().then(after);
        assertEquals(10, joined.epochs().get(9).number(), "the resumed epochs follow on");
        assertArrayEquals(all.losses(), joined.losses(), "the same loss in every epoch");
    }

    private static Network dropping() {
        return Network.builder(4).plugins(PLUGINS).seed(3).dense(6, "tanh").dropout(0.3).dense(2, "sigmoid").build();
    }

    private static Trainer shuffling(int epochs, int initialEpoch) {
        return Trainer.builder().plugins(PLUGINS).loss("mse").optimizer("adam(lr=0.01)").epochs(epochs)
                .initialEpoch(initialEpoch).batchSize(BATCH).seed(7).build();
    }

    @Test
    void withoutTheOptimizerStateResumingDiverges() throws IOException {
        Network straight = fresh();
        trainer(10).fit(straight, data);
        Network first = fresh();
        trainer(4).fit(first, data);
        Path file = dir.resolve("weights-only.sinapse");
        ModelFile.save(file, Model.builder(first, Task.CLASSIFICATION).build());
        Network resumed = ModelFile.load(file, PLUGINS).network();
        trainer(6).fit(resumed, data);

        float[] a = straight.parameters().get(0).value();
        float[] b = resumed.parameters().get(0).value();
        assertFalse(Arrays.equals(a, b), "a plain save forgets Adam's memory, so resumed training must differ;"
                + " if it did not, the checkpoint test above would prove nothing");
    }

    @Test
    void theStepCountAndStateSurviveAndSavingDoesNotDisturbThem() throws IOException {
        Network network = fresh();
        Trainer trainer = trainer(4);
        trainer.fit(network, data);
        long steps = 4L * (ROWS / BATCH);
        int stateSize = trainer.optimizer().stateSize(network.parameters().get(0).size());
        float[] stateBefore = network.parameters().get(0).optimizerState(stateSize).clone();
        Path file = dir.resolve("steps.sinapse");

        ModelFile.saveCheckpoint(file, Model.builder(network, Task.CLASSIFICATION).build(), trainer.optimizer());

        OptimizerMemory.Snapshot original = OptimizerMemory.read(network.parameters().get(0), stateSize);
        assertEquals(steps, original.steps(), "4 epochs of 5 batches; saving must not change the count");
        assertSameBits(stateBefore, original.state(), "saving must not change the state");
        Network loaded = ModelFile.load(file, PLUGINS).network();
        OptimizerMemory.Snapshot restored = OptimizerMemory.read(loaded.parameters().get(0), stateSize);
        assertEquals(steps, restored.steps(), "step count after loading");
        assertSameBits(stateBefore, restored.state(), "optimizer state after loading");
    }
}
