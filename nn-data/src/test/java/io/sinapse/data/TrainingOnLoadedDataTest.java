package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sinapse.core.Dataset;
import io.sinapse.core.Network;
import io.sinapse.core.Trainer;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** End to end: data from this module, split and scaled here, trained by nn-core, scored on held-out rows. */
class TrainingOnLoadedDataTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingOnLoadedDataTest.class);

    /** The share of rows whose predicted class, read through the dataset's label encoding, is its own class. */
    private static double accuracy(Network network, LabeledDataset data) {
        Dataset rows = data.dataset();
        float[] outputs = network.predict(rows.features(), rows.rows());
        int correct = 0;
        for (int r = 0; r < rows.rows(); r++) {
            String predicted = data.predictedLabel(outputs, r);
            correct += predicted.equals(data.classes().orElseThrow().name(data.classOf(r))) ? 1 : 0;
        }
        return (double) correct / rows.rows();
    }

    @Test
    void anMlpSeparatesTheTwoMoons() {
        LabeledDataset moons = BuiltinDatasets.get("moons(samples=1000, noise=0.1, seed=42)");
        Split split = Split.stratified(moons.dataset(), 0.7, 0.15, 42);
        Scaler scaler = Scaler.fitStandard(split.train());
        Network network = Network.builder(2).dense(16, "relu").dense(16, "relu").dense(2, "softmax").seed(1).build();

        Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.01)").epochs(100).batchSize(32).seed(1)
                .validation(scaler.transform(split.validation())).build()
                .fit(network, scaler.transform(split.train()));

        double accuracy = accuracy(network, moons.withDataset(scaler.transform(split.test())));
        LOG.info("Two moons: test accuracy {}", accuracy);
        assertTrue(accuracy >= 0.97, "test accuracy on two moons: " + accuracy);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anMlpLearnsFashionMnistFromTenThousandImages() {
        assumeTrue(FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        // The first 10,000 training images to learn from, all 10,000 test images to score on.
        FashionMnist fashion = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, 10_000, 10_000);
        Network network = Network.builder(784).dense(128, "relu").dense(10, "softmax").seed(1).build();

        Trainer.builder().loss("cross_entropy").optimizer("adam(lr=0.001)").epochs(8).batchSize(64).seed(1).build()
                .fit(network, fashion.train().dataset());

        double accuracy = accuracy(network, fashion.test());
        LOG.info("Fashion-MNIST, 10,000 training images: test accuracy {}", accuracy);
        assertTrue(accuracy >= 0.80, "test accuracy on Fashion-MNIST: " + accuracy);
    }
}
