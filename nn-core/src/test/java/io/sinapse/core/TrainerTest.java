package io.sinapse.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    /** y = sin(x1) + 0.5·x2², 200 examples: small, smooth, non-linear. */
    private static Dataset regression() {
        SplittableRandom random = new SplittableRandom(5);
        int rows = 200;
        float[] x = new float[rows * 2];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            float a = (float) (random.nextDouble() * 4 - 2);
            float b = (float) (random.nextDouble() * 2 - 1);
            x[2 * r] = a;
            x[2 * r + 1] = b;
            y[r] = (float) (Math.sin(a) + 0.5 * b * b);
        }
        return new Dataset(x, 2, y, 1);
    }

    private static Network regressionNetwork(long seed) {
        return Network.builder(2).dense(16, "tanh").dense(1).seed(seed).build();
    }

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {1, 16, 200})
    void stochasticMiniBatchAndBatchGradientDescentAllReduceTheLoss(int batchSize) {
        Dataset data = regression();
        Network network = regressionNetwork(1);
        Trainer trainer = Trainer.builder().loss("mse").optimizer("sgd(lr=0.05)").epochs(30).batchSize(batchSize)
                .seed(1).build();
        double before = trainer.evaluate(network, data);
        History history = trainer.fit(network, data);
        double after = trainer.evaluate(network, data);
        assertTrue(after < 0.5 * before, "batch size " + batchSize + ": loss " + before + " → " + after);
        assertEquals(30, history.size());
        assertTrue(history.stopReason().contains("maximum of 30 epochs"), history.stopReason());
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Dataset data = regression();
        List<float[]> first = trainedWeights(data, 9);
        List<float[]> second = trainedWeights(data, 9);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "tensor " + i + " differs between two runs with seed 9");
        }
        List<float[]> other = trainedWeights(data, 10);
        assertFalse(java.util.Arrays.equals(first.get(0), other.get(0)), "another seed gives other weights");
    }

    private static List<float[]> trainedWeights(Dataset data, long seed) {
        Network network = regressionNetwork(seed);
        Trainer.builder().loss("mse").optimizer("momentum(lr=0.02)").epochs(5).batchSize(8).seed(seed).build()
                .fit(network, data);
        List<float[]> weights = new ArrayList<>();
        network.parameters().forEach(t -> weights.add(t.value().clone()));
        return weights;
    }

    @Test
    void stopsAtTheMinimumError() {
        Dataset data = regression();
        History history = Trainer.builder().loss("mse").optimizer("adam(lr=0.01)").epochs(5000).batchSize(20)
                .minError(0.01).build().fit(regressionNetwork(2), data);
        assertTrue(history.size() < 5000, "stopped early after " + history.size() + " epochs");
        assertTrue(history.last().loss() <= 0.01, "last loss " + history.last().loss());
        assertTrue(history.stopReason().startsWith("reached the minimum error 0.01"), history.stopReason());
        for (int i = 0; i < history.size() - 1; i++) {
            assertTrue(history.epochs().get(i).loss() > 0.01, "epoch " + (i + 1) + " was already below the minimum");
        }
    }

    @Test
    void listenerCanStopTrainingAndSeesEveryEpoch() {
        List<Integer> seen = new ArrayList<>();
        TrainingListener stopAtThree = new TrainingListener() {
            @Override
            public void onEpochEnd(Epoch epoch, TrainingControl control) {
                seen.add(epoch.number());
                assertEquals(50, control.maxEpochs());
                if (epoch.number() == 3) {
                    control.stop("enough");
                }
            }
        };
        History history = Trainer.builder().epochs(50).listener(stopAtThree).build().fit(regressionNetwork(1), regression());
        assertEquals(List.of(1, 2, 3), seen);
        assertEquals("enough", history.stopReason());
    }

    @Test
    void softmaxWithCrossEntropyLearnsThreeBlobs() {
        SplittableRandom random = new SplittableRandom(4);
        int rows = 300;
        float[] x = new float[rows * 2];
        float[] y = new float[rows * 3];
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        for (int r = 0; r < rows; r++) {
            int c = r % 3;
            x[2 * r] = (float) (centres[c][0] + random.nextGaussian() * 0.6);
            x[2 * r + 1] = (float) (centres[c][1] + random.nextGaussian() * 0.6);
            y[3 * r + c] = 1;
        }
        Dataset data = new Dataset(x, 2, y, 3);
        Network network = Network.builder(2).dense(8, "relu").dense(3, "softmax").seed(4).build();
        History history = Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.02)").epochs(60).batchSize(32)
                .validation(data).build().fit(network, data);
        assertTrue(Accuracy.of(network, data) > 0.95, "accuracy " + Accuracy.of(network, data));
        assertTrue(history.last().accuracy() > 0.9, "training accuracy recorded: " + history.last());
        assertTrue(history.last().validationLoss() < history.epochs().get(0).validationLoss(), "validation loss fell");
        float[] probabilities = network.predict(-2, 0);
        double sum = probabilities[0] + probabilities[1] + probabilities[2];
        assertEquals(1.0, sum, 1e-5, "predictions are softmax probabilities");
        assertTrue(probabilities[0] > 0.8, "(-2, 0) is class 0: " + java.util.Arrays.toString(probabilities));
    }

    @Test
    void regularizerPenaltyIsPartOfTheLoss() {
        Dataset data = regression();
        Network network = regressionNetwork(1);
        Trainer plain = Trainer.builder().loss("mse").build();
        Trainer penalised = Trainer.builder().loss("mse").regularizer("l2(lambda=0.5)").build();
        double sumOfSquares = 0;
        for (Tensor t : network.parameters()) {
            if (t.regularized()) {
                for (float w : t.value()) {
                    sumOfSquares += w * w;
                }
            }
        }
        assertEquals(plain.evaluate(network, data) + 0.25 * sumOfSquares, penalised.evaluate(network, data), 1e-5,
                "loss + (λ/2)·Σw² over the weights, not the biases");
    }

    /**
     * Training continued with {@code initialEpoch} (shuffled batches, dropout, Adam's memory in the tensors) ends
     * where one run ends; continued as a fresh fit, it does not.
     */
    @Test
    void resumingWithInitialEpochEndsWhereOneRunEnds() {
        Dataset data = regression();
        Network straight = droppingNetwork();
        History all = resumable(7, 0).fit(straight, data);

        Network resumed = droppingNetwork();
        resumable(3, 0).fit(resumed, data);
        History rest = resumable(7, 3).fit(resumed, data);
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value(), resumed.parameters().get(i).value(),
                    "tensor " + i + " after 3 + 4 epochs against 7 in one go");
        }
        assertEquals(4, rest.size());
        assertEquals(4, rest.epochs().get(0).number(), "the resumed epochs are numbered from 4");
        assertEquals(all.epochs().get(6).loss(), rest.epochs().get(3).loss(), "epoch 7's loss");

        Network restarted = droppingNetwork();
        resumable(3, 0).fit(restarted, data);
        resumable(4, 0).fit(restarted, data);
        assertFalse(java.util.Arrays.equals(straight.parameters().get(0).value(),
                restarted.parameters().get(0).value()), "a fresh fit shuffles and drops out as from epoch 1");
    }

    private static Network droppingNetwork() {
        return Network.builder(2).dense(16, "tanh").dropout(0.2).dense(1).seed(3).build();
    }

    private static Trainer resumable(int epochs, int initialEpoch) {
        return Trainer.builder().loss("mse").optimizer("adam(lr=0.01)").epochs(epochs).initialEpoch(initialEpoch)
                .batchSize(16).seed(5).build();
    }

    /**
     * A schedule that reads the history (reduce on plateau) picks up where it was when the run is resumed after the
     * epochs done: the same rates and weights as one run. With {@code initialEpoch} alone it sees no past epoch and
     * starts again from the base rate. (min_delta 10⁹: no epoch after the first improves, so with patience 1 the rate
     * is cut in every epoch from the third.)
     */
    @Test
    void resumingAfterTheEpochsDoneKeepsAPlateauScheduleWhereItWas() {
        Dataset data = regression();
        Network straight = droppingNetwork();
        History all = plateau(7).build().fit(straight, data);
        assertEquals(0.01 * 0.5 * 0.5, all.epochs().get(3).learningRate(), 1e-15, "epoch 4's rate in one run");

        Network resumed = droppingNetwork();
        History first = plateau(3).build().fit(resumed, data);
        History rest = plateau(7).resumeAfter(first.epochs()).build().fit(resumed, data);
        for (int i = 0; i < 4; i++) {
            assertEquals(all.epochs().get(3 + i).learningRate(), rest.epochs().get(i).learningRate(),
                    "epoch " + (4 + i) + "'s rate");
        }
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value(), resumed.parameters().get(i).value(),
                    "tensor " + i + " after 3 + 4 epochs against 7 in one go");
        }

        Network blind = droppingNetwork();
        plateau(3).build().fit(blind, data);
        History again = plateau(7).initialEpoch(3).build().fit(blind, data);
        assertEquals(0.01, again.epochs().get(0).learningRate(), "initialEpoch alone: no past epoch, the base rate");
    }

    /** Listeners hear of the epochs done, after the start, only when the run resumes after them. */
    @Test
    void listenersHearOfTheEpochsDoneOnResume() {
        Dataset data = regression();
        Network network = droppingNetwork();
        History first = plateau(2).build().fit(network, data);
        List<String> heard = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingControl control) {
                heard.add("start");
            }

            @Override
            public void onResume(List<Epoch> epochsDone, TrainingControl control) {
                heard.add("resume after " + epochsDone.size() + ", epoch 2 loss " + epochsDone.get(1).loss());
            }
        };
        plateau(3).resumeAfter(first.epochs()).listener(listener).build().fit(network, data);
        assertEquals(List.of("start", "resume after 2, epoch 2 loss " + first.epochs().get(1).loss()), heard);
        heard.clear();
        plateau(4).initialEpoch(3).listener(listener).build().fit(network, data);
        assertEquals(List.of("start"), heard, "initialEpoch alone gives no epochs to replay");
    }

    @Test
    void resumingAfterEpochsNumberedWronglyOrTwiceIsRefused() {
        Epoch one = new Epoch(1, 1, Double.NaN, Double.NaN, Double.NaN, 0.01, 0.1);
        Epoch three = new Epoch(3, 1, Double.NaN, Double.NaN, Double.NaN, 0.01, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().resumeAfter(List.of(one, three)));
        assertEquals("resumeAfter: the epochs done must be numbered 1 to 2 in order, but entry 2 is epoch 3",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().resumeAfter(List.of(one)).initialEpoch(2).build());
        assertEquals("resumeAfter gave 1 epochs done and initialEpoch(2) another count: give one of them",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().resumeAfter(null));
        Trainer finished = Trainer.builder().epochs(1).resumeAfter(List.of(one)).build();
        e = assertThrows(IllegalArgumentException.class, () -> finished.fit(regressionNetwork(1), regression()));
        assertEquals("Nothing to train: the 1 epochs given to resumeAfter are done already, and epochs(1) stops at"
                + " epoch 1; raise epochs to train further", e.getMessage());
    }

    private static Trainer.Builder plateau(int epochs) {
        return Trainer.builder().loss("mse").optimizer("adam(lr=0.01)").epochs(epochs).batchSize(16).seed(5)
                .schedule(LearningRateSchedule.reduceOnPlateau(0.5, 1, 1e9, 0));
    }

    @Test
    void anInitialEpochWithNothingLeftToTrainIsRefused() {
        Trainer done = Trainer.builder().epochs(5).initialEpoch(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> done.fit(regressionNetwork(1), regression()));
        assertTrue(e.getMessage().contains("initialEpoch(5)") && e.getMessage().contains("raise epochs"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().initialEpoch(-1));
    }

    @Test
    void wrongShapesAreRejectedWithTheCounts() {
        Dataset data = regression();
        Network threeInputs = Network.builder(3).dense(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().build().fit(threeInputs, data));
        assertTrue(e.getMessage().contains("2 feature columns") && e.getMessage().contains("3 inputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().epochs(0));
    }

    @Test
    void divergingTrainingSaysWhy() {
        Dataset data = regression();
        Trainer trainer = Trainer.builder().loss("mse").optimizer("sgd(lr=1000)").epochs(100).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.fit(regressionNetwork(1), data));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }
}
