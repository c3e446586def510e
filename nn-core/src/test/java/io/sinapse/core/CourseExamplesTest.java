package io.sinapse.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of the course, reproduced. */
class CourseExamplesTest {

    private static final float[][] BINARY_PAIRS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static Dataset truthTable(float... outputs) {
        float[][] targets = new float[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
            targets[i] = new float[]{outputs[i]};
        }
        return Dataset.of(BINARY_PAIRS, targets);
    }

    @Test
    void concertNeuronGoesExactlyWhenThereIsMoney() {
        // x1 show in another state, x2 company, x3 money; weights 3, 2, 6; threshold 5.
        McCullochPittsNeuron neuron = new McCullochPittsNeuron(new double[]{3, 2, 6}, 5);
        Perceptron perceptron = new Perceptron(new float[]{3, 2, 6}, 5);
        for (int x1 = 0; x1 <= 1; x1++) {
            for (int x2 = 0; x2 <= 1; x2++) {
                for (int x3 = 0; x3 <= 1; x3++) {
                    String input = "(" + x1 + ", " + x2 + ", " + x3 + ")";
                    assertEquals(x3, neuron.fire(x1, x2, x3), "McCulloch–Pitts on " + input);
                    assertEquals(x3, perceptron.predict(x1, x2, x3), "perceptron on " + input);
                }
            }
        }
        // Without money and with everything else in favour the sum is 3 + 2 = 5: not above the threshold.
        assertEquals(0.0, neuron.potential(1, 1, 0), "potential 3 + 2 − 5");
    }

    @Test
    void otherWeightsAndThresholdsMakeOtherDecisions() {
        // Lowering the threshold to 2 lets company alone (weight 2) stay home, but a show nearby with company go.
        McCullochPittsNeuron eager = new McCullochPittsNeuron(new double[]{3, 2, 6}, 2);
        assertEquals(0, eager.fire(0, 1, 0));
        assertEquals(1, eager.fire(1, 0, 0));
        assertEquals(1, eager.fire(0, 0, 1));
    }

    @Test
    void mcCullochPittsTakesOnlyBinaryInputs() {
        McCullochPittsNeuron neuron = new McCullochPittsNeuron(new double[]{1, 1}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> neuron.fire(2, 0));
        assertTrue(e.getMessage().contains("x1") && e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void perceptronLearnsAnd() {
        Perceptron perceptron = new Perceptron(2);
        Perceptron.Training training = perceptron.train(truthTable(0, 0, 0, 1), 0.1, 100);
        assertTrue(training.converged(), "the perceptron rule converges on AND: " + training);
        assertPredicts(perceptron, 0, 0, 0, 1);
    }

    @Test
    void perceptronLearnsOr() {
        Perceptron perceptron = new Perceptron(2);
        Perceptron.Training training = perceptron.train(truthTable(0, 1, 1, 1), 0.1, 100);
        assertTrue(training.converged(), "the perceptron rule converges on OR: " + training);
        assertPredicts(perceptron, 0, 1, 1, 1);
    }

    @Test
    void perceptronRuleStepMatchesTheFormula() {
        // From zero weights, the first example (0,0) → 0 is right; (0,1) → 1 is wrong (ŷ = 0): w += η·1·x, b += η.
        Perceptron perceptron = new Perceptron(2);
        perceptron.train(Dataset.of(new float[][]{{0, 1}}, new float[][]{{1}}), 0.25, 1);
        assertEquals(0f, perceptron.weights()[0]);
        assertEquals(0.25f, perceptron.weights()[1]);
        assertEquals(0.25f, perceptron.bias());
    }

    @Test
    void perceptronCannotLearnXor() {
        Perceptron perceptron = new Perceptron(2);
        Perceptron.Training training = perceptron.train(truthTable(0, 1, 1, 0), 0.1, 1000);
        assertFalse(training.converged(), "no straight line separates XOR");
        assertTrue(training.errorsInLastEpoch() > 0);
        int right = 0;
        float[] xor = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            right += perceptron.predict(BINARY_PAIRS[i]) == xor[i] ? 1 : 0;
        }
        assertTrue(right <= 3, "at most 3 of 4 XOR cases right, got " + right);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void multilayerPerceptronLearnsXor(String hidden) {
        Dataset xor = truthTable(0, 1, 1, 0);
        Network network = Network.builder(2).dense(4, hidden).dense(1, "sigmoid").seed(7).build();
        Trainer trainer = Trainer.builder().loss("mse").optimizer("adam(lr=0.05)").epochs(3000).batchSize(4)
                .minError(0.005).seed(7).build();
        History history = trainer.fit(network, xor);
        assertEquals(1.0, Accuracy.of(network, xor), "2-4-1 " + hidden + " MLP on XOR after "
                + history.size() + " epochs (" + history.stopReason() + "), loss " + history.last().loss());
    }

    /**
     * Two hidden neurons are the fewest that can solve XOR, and from many starting weights gradient descent stalls
     * in a local minimum with three of four right: with these settings about half of the starts solve it (seeds 2, 6,
     * 8, 9 and 10 of 1–10 when this was written), which is why the lessons use 2-4-1. This checks that at least four
     * of ten seeded starts reach 100%.
     */
    @Test
    void twoTwoOneNetworkLearnsXorFromSomeStarts() {
        Dataset xor = truthTable(0, 1, 1, 0);
        java.util.List<Long> solved = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            Network network = Network.builder(2).dense(2, "tanh").dense(1, "sigmoid").seed(seed).build();
            Trainer.builder().loss("mse").optimizer("adam(lr=0.05)").epochs(3000).batchSize(4).minError(0.005)
                    .seed(seed).build().fit(network, xor);
            if (Accuracy.of(network, xor) == 1.0) {
                solved.add(seed);
            }
        }
        System.out.println("2-2-1 tanh MLP solved XOR from seeds " + solved);
        assertTrue(solved.size() >= 4, "2-2-1 tanh MLP solved XOR only from seeds " + solved);
    }

    @Test
    void customerExampleWeightedSumThroughANetwork() {
        Network network = Network.builder(3).dense(1).build();
        Dense neuron = (Dense) network.layers().get(0);
        neuron.weights().set(new float[]{0.5f, 0.4f, 0.7f});
        neuron.bias().set(new float[]{1});
        assertEquals(48f, network.predict(50, 20, 20)[0], 1e-5);
    }

    private static void assertPredicts(Perceptron perceptron, int... expected) {
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], perceptron.predict(BINARY_PAIRS[i]), "input " + java.util.Arrays.toString(BINARY_PAIRS[i]));
        }
    }
}
