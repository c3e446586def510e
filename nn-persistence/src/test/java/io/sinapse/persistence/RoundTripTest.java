package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static io.sinapse.persistence.Fixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinapse.api.Activation;
import io.sinapse.core.ActivationLayer;
import io.sinapse.core.Dense;
import io.sinapse.core.Dropout;
import io.sinapse.core.Epoch;
import io.sinapse.core.Layer;
import io.sinapse.core.Network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving and loading gives back the same model: the same predictions bit for bit, and every saved part. */
class RoundTripTest {

    /** The built-in activations the course uses; each must round-trip. */
    private static final List<String> BUILT_IN =
            List.of("threshold", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax");

    @TempDir
    Path dir;

    /** Every activation the lookup offers with its defaults, plus leaky ReLU with a non-default alpha. */
    static Stream<String> activations() {
        Stream<String> available = PLUGINS.available(Activation.class).stream().map(Activation::spec);
        return Stream.concat(available, Stream.of("leaky_relu(alpha=0.02)"));
    }

    @Test
    void everyBuiltInActivationIsAvailableToTheRoundTrip() {
        List<String> names = activations().map(spec -> PLUGINS.activation(spec).name()).toList();
        for (String name : BUILT_IN) {
            assertTrue(names.contains(name), "the round trip should cover built-in activation " + name
                    + "; the lookup offers " + names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void predictionsAreBitIdenticalAfterLoading(String activation) throws IOException {
        Network network = Fixtures.network(activation);
        float[] x = Fixtures.inputs(1, 32, network.inputSize());
        float[] before = network.predict(x, 32);
        Path file = dir.resolve("model.sinapse");

        ModelFile.save(file, Model.builder(network, Task.REGRESSION).build());
        Network loaded = ModelFile.load(file, PLUGINS).network();

        assertSameBits(before, loaded.predict(x, 32), "predictions of the loaded " + activation + " network");
        assertEquals(network.summary(), loaded.summary(), "architecture");
        Activation restored = ((ActivationLayer) loaded.layers().get(1)).activation();
        assertEquals(PLUGINS.activation(activation).spec(), restored.spec(), "activation with its parameters");
    }

    @Test
    void leakyReluKeepsItsNonDefaultAlpha() throws IOException {
        Path file = dir.resolve("leaky.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("leaky_relu(alpha=0.02)"), Task.REGRESSION).build());
        Activation restored = ((ActivationLayer) ModelFile.load(file, PLUGINS).network().layers().get(1)).activation();
        assertEquals(0.02, restored.parameters().get("alpha"), "alpha of the loaded leaky_relu");
    }

    @Test
    void everyLayerKeepsItsKindSizesAndTensors() throws IOException {
        Network network = Network.builder(5).plugins(PLUGINS).seed(7).dense(8, "relu").dropout(0.5).dense(6, "tanh")
                .dense(3).build();
        Path file = dir.resolve("layers.sinapse");
        ModelFile.save(file, Model.builder(network, Task.REGRESSION).build());
        List<Layer> loaded = ModelFile.load(file, PLUGINS).network().layers();

        assertEquals(network.layers().size(), loaded.size(), "layer count");
        for (int i = 0; i < loaded.size(); i++) {
            Layer original = network.layers().get(i);
            Layer copy = loaded.get(i);
            assertEquals(original.getClass(), copy.getClass(), "kind of layer " + i);
            assertEquals(original.inputSize(), copy.inputSize(), "inputs of layer " + i);
            assertEquals(original.outputSize(), copy.outputSize(), "outputs of layer " + i);
            if (original instanceof Dense dense) {
                assertSameBits(dense.weights().value(), ((Dense) copy).weights().value(), "weights of layer " + i);
                assertSameBits(dense.bias().value(), ((Dense) copy).bias().value(), "bias of layer " + i);
            }
        }
        assertInstanceOf(Dense.class, loaded.get(loaded.size() - 1), "a linear output is a Dense layer last");
    }

    @Test
    void dropoutKeepsItsRateAndSeedAndPredictsTheSame() throws IOException {
        Network network = Fixtures.networkWithDropout();
        Path file = dir.resolve("dropout.sinapse");
        ModelFile.save(file, Model.builder(network, Task.REGRESSION).build());
        Network loaded = ModelFile.load(file, PLUGINS).network();

        Dropout original = (Dropout) network.layers().get(2);
        Dropout copy = assertInstanceOf(Dropout.class, loaded.layers().get(2), "layer 2 is dropout");
        assertEquals(original.rate(), copy.rate(), "rate");
        assertEquals(original.seed(), copy.seed(), "seed of the masks");
        float[] x = Fixtures.inputs(5, 12, 5);
        assertSameBits(network.predict(x, 12), loaded.predict(x, 12), "predictions (dropout is off at inference)");
        assertSameBits(network.forward(x, 12, true), loaded.forward(x, 12, true),
                "the first training pass draws the same mask");
    }

    @Test
    void everyPartOfTheModelComesBack() throws IOException {
        Model model = Fixtures.trained().model();
        Path file = dir.resolve("full.sinapse");
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file, PLUGINS);

        assertEquals(Task.CLASSIFICATION, loaded.task(), "task");
        assertEquals(List.of("no", "yes"), loaded.labels(), "labels");
        assertEquals(model.scaler(), loaded.scaler(), "scaler");
        assertEquals(model.lossSpec(), loaded.lossSpec(), "loss");
        assertEquals(model.optimizerSpec(), loaded.optimizerSpec(), "optimizer");
        assertEquals(model.regularizerSpec(), loaded.regularizerSpec(), "regularizer");
        assertEquals(model.metadata(), loaded.metadata(), "metadata, in order, with non-ASCII text");
        assertEquals(model.history().stopReason(), loaded.history().stopReason(), "stop reason");
        List<Epoch> epochs = model.history().epochs();
        assertEquals(5, epochs.size(), "the fixture trains 5 epochs");
        for (int i = 0; i < epochs.size(); i++) {
            Epoch a = epochs.get(i);
            Epoch b = loaded.history().epochs().get(i);
            assertEquals(a.number(), b.number(), "epoch number");
            assertEquals(a.loss(), b.loss(), "loss of epoch " + a.number());
            assertEquals(a.accuracy(), b.accuracy(), "accuracy of epoch " + a.number());
            assertEquals(a.learningRate(), b.learningRate(), "learning rate of epoch " + a.number());
            assertEquals(a.seconds(), b.seconds(), "seconds of epoch " + a.number());
            assertTrue(Double.isNaN(b.validationLoss()), "no validation set: NaN survives as 'not measured'");
        }
        float[] x = Fixtures.inputs(2, 10, 4);
        assertSameBits(model.network().predict(x, 10), loaded.network().predict(x, 10), "predictions");
    }

    @Test
    void theManifestIsReadableJsonWithVersionsAndChecksums() throws IOException {
        Path file = dir.resolve("readable.sinapse");
        ModelFile.save(file, Fixtures.trained().model());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry first = zip.entries().nextElement();
            assertEquals("model.json", first.getName(), "the manifest is the first entry");
            String text;
            try (InputStream in = zip.getInputStream(first)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(text.contains("\n  \"format\" : \"sinapse-model\""), "pretty-printed for people:\n" + text);
            JsonNode json = new ObjectMapper().readTree(text);
            assertEquals(ModelFile.FORMAT_VERSION, json.get("formatVersion").intValue(), "format version");
            assertEquals(ModelFile.libraryVersion(), json.get("libraryVersion").textValue(), "library version");
            assertTrue(!ModelFile.libraryVersion().equals("unknown"), "the build filters in the project version");
            assertEquals("tanh", json.at("/layers/1/activation").textValue(), "activation by its spec");
            JsonNode weights = json.at("/layers/0/weights");
            assertEquals("tensors/layer0.weights.f32", weights.get("entry").textValue(), "entry of the weights");
            assertEquals(64, weights.get("sha256").textValue().length(), "SHA-256 in hex");
            assertEquals(4 * 6 * Float.BYTES, zip.getEntry("tensors/layer0.weights.f32").getSize(),
                    "4×6 float32 weights");
        }
    }

    @Test
    void savingTheSameModelTwiceGivesTheSameBytes() throws IOException {
        Model model = Fixtures.trained().model();
        Path a = dir.resolve("a.sinapse");
        Path b = dir.resolve("b.sinapse");
        ModelFile.save(a, model);
        ModelFile.save(b, model);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "deterministic output");
    }

    @Test
    void savingReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("replace.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("relu"), Task.REGRESSION).build());
        Network second = Fixtures.network("tanh");
        ModelFile.save(file, Model.builder(second, Task.REGRESSION).build());
        float[] x = Fixtures.inputs(3, 4, 5);
        assertSameBits(second.predict(x, 4), ModelFile.load(file, PLUGINS).network().predict(x, 4),
                "the second save wins");
    }

    @Test
    void aLayerTheFormatCannotHoldIsRefusedBeforeWriting() {
        Layer custom = new Layer() {
            @Override
            public int inputSize() {
                return 5;
            }

            @Override
            public int outputSize() {
                return 5;
            }

            @Override
            public float[] forward(float[] input, int rows, boolean training) {
                return input;
            }

            @Override
            public float[] backward(float[] gradOutput, int rows, boolean needInputGradient) {
                return gradOutput;
            }

            @Override
            public String describe() {
                return "Custom";
            }
        };
        Network network = new Network(5, List.of(custom));
        Path file = dir.resolve("custom.sinapse");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(file, Model.builder(network, Task.REGRESSION).build()));
        assertTrue(e.getMessage().contains("Custom") && e.getMessage().contains("dense, activation"), e.getMessage());
        assertTrue(Files.notExists(file), "nothing written");
    }
}
