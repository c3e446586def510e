package io.sinapse.core;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gradient clipping, the max-norm constraint, the validation split and the regularizer wiring of the trainer. */
class TrainerControlsTest {

    /** 20 rows of 3 features with large targets, so the first gradients are large. */
    private static Dataset data() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] x = new float[20][3];
        float[][] y = new float[20][1];
        for (int r = 0; r < 20; r++) {
            for (int j = 0; j < 3; j++) {
                x[r][j] = (float) random.nextGaussian();
            }
            y[r][0] = 10 * x[r][0] - 7 * x[r][1] + 5;
        }
        return Dataset.of(x, y);
    }

    private static Network network() {
        return Network.builder(3).dense(4, "tanh").dense(1).seed(8).build();
    }

    /** The gradients of the first step (one full batch), as the optimizer receives them, one array per tensor. */
    private static List<float[]> firstGradients(Trainer.Builder settings) {
        RecordingOptimizer optimizer = new RecordingOptimizer(0);
        settings.loss("mse").optimizer(optimizer).epochs(1).batchSize(20).shuffle(false).build()
                .fit(network(), data());
        return optimizer.gradients;
    }

    private static double norm(List<float[]> gradients) {
        double sum = 0;
        for (float[] g : gradients) {
            for (float v : g) {
                sum += (double) v * v;
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void clippingByNormScalesAllGradientsTogetherToTheLimit() {
        List<float[]> raw = firstGradients(Trainer.builder());
        double rawNorm = norm(raw);
        assertTrue(rawNorm > 1, "the example needs a gradient norm above the limit 1, got " + rawNorm);
        List<float[]> clipped = firstGradients(Trainer.builder().clipGradientNorm(1));
        assertEquals(1.0, norm(clipped), 1e-5, "clipped global norm");
        for (int t = 0; t < raw.size(); t++) {
            for (int i = 0; i < raw.get(t).length; i++) {
                assertEquals(raw.get(t)[i] / rawNorm, clipped.get(t)[i], 1e-6, "tensor " + t + " value " + i
                        + ": same direction, scaled by 1/‖g‖");
            }
        }
        // A limit above the norm changes nothing.
        List<float[]> untouched = firstGradients(Trainer.builder().clipGradientNorm(rawNorm * 2));
        for (int t = 0; t < raw.size(); t++) {
            assertArrayEquals(raw.get(t), untouched.get(t), "tensor " + t);
        }
    }

    @Test
    void clippingByValueClampsEachGradientValue() {
        List<float[]> raw = firstGradients(Trainer.builder());
        List<float[]> clipped = firstGradients(Trainer.builder().clipGradientValue(0.5));
        int changed = 0;
        for (int t = 0; t < raw.size(); t++) {
            for (int i = 0; i < raw.get(t).length; i++) {
                float g = raw.get(t)[i];
                float expected = Math.max(-0.5f, Math.min(0.5f, g));
                assertEquals(expected, clipped.get(t)[i], "tensor " + t + " value " + i + " (raw " + g + ")");
                if (expected != g) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 0, "some raw gradient exceeded 0.5");
    }

    @Test
    void regularizerGradientGoesToWeightsNotBiases() {
        // L2's gradient is λ·w: the weights' gradients grow by exactly that, the biases' stay the same.
        List<float[]> raw = firstGradients(Trainer.builder());
        List<float[]> penalised = firstGradients(Trainer.builder().regularizer("l2(lambda=0.5)"));
        Network initial = network();
        List<Tensor> tensors = initial.parameters();
        for (int t = 0; t < tensors.size(); t++) {
            Tensor tensor = tensors.get(t);
            for (int i = 0; i < tensor.size(); i++) {
                float extra = tensor.regularized() ? 0.5f * tensor.value()[i] : 0f;
                assertEquals(raw.get(t)[i] + extra, penalised.get(t)[i], 1e-6,
                        tensor.name() + " " + t + " value " + i);
            }
        }
    }

    @Test
    void maxNormKeepsEveryNeuronsIncomingWeightsWithinTheLimit() {
        Network network = network();
        Trainer.builder().loss("mse").optimizer("sgd(lr=0.05)").epochs(30).batchSize(5).maxNorm(0.8).build()
                .fit(network, data());
        int atTheLimit = 0;
        for (Tensor tensor : network.parameters()) {
            if (!tensor.regularized()) {
                continue;
            }
            for (int j = 0; j < tensor.cols(); j++) {
                double sum = 0;
                for (int i = 0; i < tensor.rows(); i++) {
                    sum += Math.pow(tensor.value()[i * tensor.cols() + j], 2);
                }
                double columnNorm = Math.sqrt(sum);
                assertTrue(columnNorm <= 0.8 + 1e-6, "column " + j + " of a weight matrix has norm " + columnNorm);
                if (columnNorm > 0.8 - 1e-4) {
                    atTheLimit++;
                }
            }
        }
        assertTrue(atTheLimit > 0, "the constraint was active for some neuron");
    }

    @Test
    void maxNormRescalesALongColumnByHand() {
        // Column 0 is (3, 4), norm 5 → (1.8, 2.4) for a limit of 3; column 1 is (1, 0), left alone.
        Tensor w = new Tensor("weights", 2, 2, true);
        w.set(new float[]{3, 1, 4, 0});
        Constraints.maxNorm(w, 3);
        assertArrayEquals(new float[]{1.8f, 1, 2.4f, 0}, w.value(), 1e-6f);
    }

    @Test
    void validationSplitHoldsOutASeededFractionOfTheRows() {
        Dataset data = data();
        Dataset[] parts = Trainer.split(data, 0.25, 7);
        assertEquals(15, parts[0].rows());
        assertEquals(5, parts[1].rows());
        Set<Float> train = firstFeatures(parts[0]);
        Set<Float> held = firstFeatures(parts[1]);
        assertTrue(java.util.Collections.disjoint(train, held), "no row is in both parts");
        Set<Float> all = new HashSet<>(train);
        all.addAll(held);
        assertEquals(firstFeatures(data), all, "together the parts are the data");
        assertEquals(held, firstFeatures(Trainer.split(data, 0.25, 7)[1]), "same seed, same rows");
        assertFalse(held.equals(firstFeatures(Trainer.split(data, 0.25, 8)[1])), "another seed, other rows");

        History history = Trainer.builder().loss("mse").epochs(2).validationSplit(0.25).seed(7).build()
                .fit(network(), data);
        assertFalse(Double.isNaN(history.last().validationLoss()), "the held-out rows are measured every epoch");
    }

    private static Set<Float> firstFeatures(Dataset d) {
        Set<Float> set = new HashSet<>();
        for (int r = 0; r < d.rows(); r++) {
            set.add(d.features()[r * d.featureCount()]);
        }
        return set;
    }

    @Test
    void badOptionsAreRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().validationSplit(1));
        assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().validation(data()).validationSplit(0.2).build());
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder().clipGradientNorm(0));
        assertTrue(e.getMessage().contains("> 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().clipGradientValue(-1));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder().maxNorm(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.split(data(), 0.01, 1));
        assertTrue(e.getMessage().contains("holds out 0 rows"), e.getMessage());
    }
}
