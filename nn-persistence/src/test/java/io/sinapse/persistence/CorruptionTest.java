package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each way a file can be wrong gives a {@link ModelFormatException} whose message names the file and the problem.
 * Most cases forge one inconsistency into an otherwise valid zip, so that only the model reader can notice it.
 */
class CorruptionTest {

    @TempDir
    Path dir;
    private Path valid;
    private Path bad;

    @BeforeEach
    void saveAValidCheckpoint() throws IOException {
        valid = dir.resolve("valid.sinapse");
        bad = dir.resolve("bad.sinapse");
        Fixtures.Trained trained = Fixtures.trained();
        ModelFile.saveCheckpoint(valid, trained.model(), trained.trainer().optimizer());
    }

    /** Loads {@link #bad} expecting a format error whose message names the file and contains every fragment. */
    private void assertRefused(String... fragments) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(bad, PLUGINS),
                "loading a file that " + String.join(" / ", fragments));
        String message = e.getMessage();
        assertTrue(message.contains(bad.toString()), "the message names the file: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "the message should mention '" + fragment + "': " + message);
        }
    }

    private ZipSurgery surgery() throws IOException {
        return ZipSurgery.open(valid);
    }

    @Test
    void aTextFileIsNotAModel() throws IOException {
        Files.writeString(bad, "{\"format\": \"sinapse-model\"}");
        assertRefused("not a Sinapse model", "7b 22");
    }

    @Test
    void anEmptyFileIsNotAModel() throws IOException {
        Files.write(bad, new byte[0]);
        assertRefused("not a Sinapse model", "empty");
    }

    @Test
    void aZipWhoseFirstEntryIsNotTheManifestIsNotAModel() throws IOException {
        ZipSurgery surgery = surgery();
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        reordered.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        reordered.putAll(surgery.entries);
        surgery.entries.clear();
        surgery.entries.putAll(reordered);
        surgery.writeTo(bad);
        assertRefused("not a Sinapse model", "first entry");
    }

    @Test
    void anotherFormatIdIsNotAModel() throws IOException {
        ZipSurgery surgery = surgery();
        surgery.manifest(surgery.manifest().put("format", "keras-model")).writeTo(bad);
        assertRefused("not a Sinapse model", "keras-model");
    }

    @Test
    void aNewerFormatVersionNamesBothVersions() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest().put("formatVersion", 2).put("libraryVersion", "9.0.0");
        manifest.remove("layers"); // a newer format may change anything else
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("format version 2", "9.0.0", "up to " + ModelFile.FORMAT_VERSION, "Upgrade");
    }

    @Test
    void aTensorThatDoesNotMatchItsChecksumIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        byte[] weights = surgery.entries.get("tensors/layer0.weights.f32");
        weights[5] ^= 0x10;
        surgery.writeTo(bad); // a valid zip: only the manifest's SHA-256 can tell
        assertRefused("tensors/layer0.weights.f32", "SHA-256");
    }

    @Test
    void aFlippedByteInsideTheZipIsCaughtByItsCrc() throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        byte[] tensor = ZipSurgery.open(valid).entries.get("tensors/layer2.weights.f32");
        int at = indexOf(bytes, tensor);
        bytes[at + 3] ^= 0x01;
        Files.write(bad, bytes);
        assertRefused("tensors/layer2.weights.f32", "CRC32");
    }

    @Test
    void aDamagedManifestIsCaughtByItsCrc() throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        int at = indexOf(bytes, "\"synthetic\"".getBytes(StandardCharsets.UTF_8));
        bytes[at + 1] = 'S'; // still valid JSON, so only the CRC can tell
        Files.write(bad, bytes);
        assertRefused("model.json", "CRC32");
    }

    @ParameterizedTest(name = "cut to {0} of the length")
    @ValueSource(doubles = {0.01, 0.25, 0.5, 0.9, 0.999})
    void aTruncatedFileIsRefused(double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        Files.write(bad, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        assertRefused("Cannot load");
    }

    @Test
    void aTensorShapeThatDisagreesWithItsLayerIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ((ArrayNode) manifest.at("/layers/0/weights/shape")).removeAll().add(6).add(4);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("layers[0].weights", "[6, 4]", "[4, 6]");
    }

    @Test
    void anEntryWhoseLengthDisagreesWithItsShapeIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        byte[] shorter = Arrays.copyOf(surgery.entries.get("tensors/layer0.bias.f32"), 4 * 5);
        surgery.entries.put("tensors/layer0.bias.f32", shorter);
        ObjectNode manifest = surgery.manifest();
        ((ObjectNode) manifest.at("/layers/0/bias")).put("sha256", Checksums.sha256(shorter));
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("tensors/layer0.bias.f32", "holds 20 bytes", "needs 24");
    }

    @Test
    void aMissingTensorEntryIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        surgery.entries.remove("tensors/scaler.scale.f32");
        surgery.writeTo(bad);
        assertRefused("tensors/scaler.scale.f32", "missing");
    }

    @Test
    void aMissingManifestIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        surgery.entries.remove("model.json");
        surgery.writeTo(bad);
        assertRefused("not a Sinapse model", "model.json");
    }

    @Test
    void anUnknownLayerKindNamesTheKindsThisVersionReads() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ObjectNode future = ((ArrayNode) manifest.get("layers")).insertObject(1);
        future.put("kind", "batch_norm").put("momentum", 0.99);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("layers[1]", "'batch_norm'", "dense, activation, dropout");
    }

    @Test
    void aDropoutRateOutsideItsRangeIsRefused() throws IOException {
        Path withDropout = dir.resolve("dropout.sinapse");
        ModelFile.save(withDropout, Model.builder(Fixtures.networkWithDropout(), Task.REGRESSION).build());
        ZipSurgery surgery = ZipSurgery.open(withDropout);
        ObjectNode manifest = surgery.manifest();
        ((ObjectNode) manifest.at("/layers/2")).put("rate", 1.5);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("layers[2]", "rate", "1.5");
    }

    @Test
    void aForgedHugeShapeFailsWithoutAllocating() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        int huge = 1 << 20;
        manifest.put("inputs", huge);
        ObjectNode first = (ObjectNode) manifest.at("/layers/0");
        first.put("inputs", huge);
        ((ArrayNode) first.at("/weights/shape")).removeAll().add(huge).add(6);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("tensors/layer0.weights.f32", "holds 96 bytes");
    }

    @Test
    void aShapeBeyondOneArrayIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        int huge = 1 << 30;
        manifest.put("inputs", huge);
        ObjectNode first = (ObjectNode) manifest.at("/layers/0");
        first.put("inputs", huge);
        ((ArrayNode) first.at("/weights/shape")).removeAll().add(huge).add(6);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("layers[0].weights", "larger than");
    }

    @Test
    void aManifestThatIsNotJsonIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        surgery.entries.put("model.json", "{\"format\": \"sinapse-model\",".getBytes(StandardCharsets.UTF_8));
        surgery.writeTo(bad);
        assertRefused("model.json", "not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedByItsPath() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ((ObjectNode) manifest.at("/layers/2")).put("outputs", "two");
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("'layers[2].outputs' must be a positive integer", "\"two\"");
    }

    @Test
    void layersThatDoNotChainAreRefused() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ((ObjectNode) manifest.at("/layers/1")).put("size", 7);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("layers[1]", "size 7", "gives 6");
    }

    @Test
    void labelsThatDoNotFitTheOutputsAreRefused() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ((ArrayNode) manifest.get("labels")).add("maybe");
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("disagrees with itself", "3 class names");
    }

    @Test
    void aForgedStepCountIsBounded() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ((ObjectNode) manifest.at("/training/optimizerState/0")).put("steps", Long.MAX_VALUE);
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("training.optimizerState[0].steps", "no more than 1000000000");
    }

    @Test
    void stepCountsAreBoundedTogether() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        for (int i = 0; i < 4; i++) {
            ((ObjectNode) manifest.at("/training/optimizerState/" + i)).put("steps", 400_000_000L);
        }
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("training.optimizerState[2].steps", "add up to no more than");
    }

    @Test
    void optimizerStateOfTheWrongSizeIsRefused() throws IOException {
        ZipSurgery surgery = surgery();
        ObjectNode manifest = surgery.manifest();
        ((ObjectNode) manifest.get("training")).put("optimizer", "sgd(lr=0.01)"); // sgd keeps no state, adam 2 floats a value
        surgery.manifest(manifest).writeTo(bad);
        assertRefused("training.optimizerState[0]", "the model needs [0]");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("fixture: bytes not found in the file");
    }
}
