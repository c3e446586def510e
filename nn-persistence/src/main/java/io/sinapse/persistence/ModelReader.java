package io.sinapse.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import io.sinapse.core.Epoch;
import io.sinapse.core.Layer;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns a file back into a model, checking everything on the way: the zip header and first entry, the format and
 * its version, every manifest field, every tensor's presence, shape, size and checksums, and every plug-in name.
 * The model is assembled only when all of it holds, so a failure never leaves a partly built network behind.
 */
final class ModelReader {

    /** A zip's local file header signature, {@code PK\3\4}. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The fixed part of a local file header, after which the first entry's name begins. */
    private static final int LOCAL_HEADER_LENGTH = 30;
    private static final byte[] FIRST_NAME = Format.MANIFEST.getBytes(StandardCharsets.US_ASCII);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final PluginResolver plugins;

    ModelReader(Path file, Plugins plugins) {
        this.file = file;
        this.plugins = new PluginResolver(plugins);
    }

    Model read() throws IOException {
        long length = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(LOCAL_HEADER_LENGTH + FIRST_NAME.length);
        }
        try {
            checkMagic(head);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return read(zip, length);
            }
        } catch (ModelFormatException e) {
            throw new ModelFormatException("Cannot load " + file + ": " + e.getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            // The zip library's own complaints (bad headers, truncation, malformed names) are format errors too.
            throw new ModelFormatException("Cannot load " + file + ": it is damaged, truncated or not a Sinapse"
                    + " model (" + e + ")", e);
        }
    }

    /** A Sinapse model starts like any zip, and its first entry is always the manifest. */
    private static void checkMagic(byte[] head) throws ModelFormatException {
        boolean zip = head.length >= ZIP_MAGIC.length && startsWith(head, 0, ZIP_MAGIC);
        if (!zip || head.length < LOCAL_HEADER_LENGTH + FIRST_NAME.length
                || !startsWith(head, LOCAL_HEADER_LENGTH, FIRST_NAME)) {
            String found = head.length == 0 ? "the file is empty"
                    : "it starts with " + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(head.length, 8));
            throw new ModelFormatException("not a Sinapse model: expected a zip whose first entry is "
                    + Format.MANIFEST + ", but " + (zip ? "the first entry is another one" : found));
        }
    }

    private Model read(ZipFile zip, long length) throws IOException {
        JsonNode root = manifest(zip);
        checkFormat(root);
        Task task = task(root);
        TensorSource tensors = new TensorSource(zip, length);

        JsonNode training = Json.present(root, "training") ? Json.object(root, "training", "") : JSON.createObjectNode();
        String lossSpec = Json.optionalText(training, "loss", "training");
        String optimizerSpec = Json.optionalText(training, "optimizer", "training");
        String regularizerSpec = Json.optionalText(training, "regularizer", "training");
        // Resolved now so a missing plug-in is reported even by a caller who only wants predictions.
        if (lossSpec != null) {
            plugins.resolve(Loss.class, lossSpec, "training.loss");
        }
        Optimizer optimizer = optimizerSpec == null ? null
                : plugins.resolve(Optimizer.class, optimizerSpec, "training.optimizer");
        if (regularizerSpec != null) {
            plugins.resolve(Regularizer.class, regularizerSpec, "training.regularizer");
        }

        Network network = network(root, tensors);
        if (Json.present(training, "optimizerState")) {
            restoreOptimizerState(training, optimizer, network, tensors);
        }

        Model.Builder model = Model.builder(network, task)
                .labels(labels(root))
                .loss(lossSpec).optimizer(optimizerSpec).regularizer(regularizerSpec)
                .history(history(training))
                .metadata(metadata(root));
        if (Json.present(root, "scaler")) {
            model.scaler(scaler(Json.object(root, "scaler", ""), network.inputSize(), tensors));
        }
        try {
            return model.build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(Format.MANIFEST + " disagrees with itself: " + e.getMessage(), e);
        }
    }

    private static JsonNode manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Format.MANIFEST);
        if (entry == null) {
            throw new ModelFormatException("the entry " + Format.MANIFEST + " is missing");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(Format.MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > Format.MAX_MANIFEST_BYTES) {
            throw new ModelFormatException(Format.MANIFEST + " is larger than " + Format.MAX_MANIFEST_BYTES
                    + " bytes, more than any model needs");
        }
        if (bytes.length != entry.getSize() || Checksums.crc32(bytes) != entry.getCrc()) {
            throw new ModelFormatException(Format.MANIFEST + " is damaged: its size or CRC32 does not match the zip's");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(Format.MANIFEST + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(Format.MANIFEST + " must hold a JSON object");
        }
        return root;
    }

    /** The format check comes first: a newer file may differ in anything after these two fields. */
    private static void checkFormat(JsonNode root) throws ModelFormatException {
        String format = Json.present(root, "format") ? root.get("format").asText() : null;
        if (!Format.ID.equals(format)) {
            throw new ModelFormatException("not a Sinapse model: " + Format.MANIFEST + " has format '" + format
                    + "', expected '" + Format.ID + "'");
        }
        int version = Json.positiveInt(root, "formatVersion", "");
        if (version > Format.VERSION) {
            String writer = Json.present(root, "libraryVersion") ? root.get("libraryVersion").asText() : "unknown";
            throw new ModelFormatException("it uses model format version " + version + " (written by Sinapse "
                    + writer + "), but this Sinapse (" + ModelFile.libraryVersion() + ") reads format versions up to "
                    + Format.VERSION + ". Upgrade Sinapse to load it.");
        }
    }

    private static Task task(JsonNode root) throws ModelFormatException {
        String id = Json.text(root, "task", "");
        try {
            return Task.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(Format.MANIFEST + ": " + e.getMessage(), e);
        }
    }

    private Network network(JsonNode root, TensorSource tensors) throws ModelFormatException {
        int inputs = Json.positiveInt(root, "inputs", "");
        JsonNode list = Json.array(root, "layers", "");
        if (list.isEmpty()) {
            throw new ModelFormatException(Format.MANIFEST + " lists no layers");
        }
        List<Layer> layers = new ArrayList<>();
        int size = inputs;
        for (int i = 0; i < list.size(); i++) {
            String where = "layers[" + i + "]";
            JsonNode json = list.get(i);
            if (!json.isObject()) {
                throw new ModelFormatException(Format.MANIFEST + ": '" + where + "' must be an object");
            }
            LayerKind kind = LayerKinds.byId(Json.text(json, "kind", where), where);
            Layer layer = kind.read(json, where, size, tensors, plugins);
            layers.add(layer);
            size = layer.outputSize();
        }
        int outputs = Json.positiveInt(root, "outputs", "");
        if (outputs != size) {
            throw new ModelFormatException(Format.MANIFEST + " says the model has " + outputs
                    + " outputs, but its last layer gives " + size);
        }
        return new Network(inputs, layers);
    }

    private static void restoreOptimizerState(JsonNode training, Optimizer optimizer, Network network,
                                              TensorSource tensors) throws ModelFormatException {
        if (optimizer == null) {
            throw new ModelFormatException(Format.MANIFEST + " has 'training.optimizerState' but no"
                    + " 'training.optimizer' it belongs to");
        }
        JsonNode states = Json.array(training, "optimizerState", "training");
        List<Tensor> parameters = network.parameters();
        if (states.size() != parameters.size()) {
            throw new ModelFormatException(Format.MANIFEST + " has optimizer state for " + states.size()
                    + " tensors, but the network has " + parameters.size());
        }
        // Everything is read and checked before the first tensor is touched.
        float[][] values = new float[parameters.size()][];
        long[] steps = new long[parameters.size()];
        long budget = Format.MAX_TOTAL_STEPS;
        for (int i = 0; i < values.length; i++) {
            String where = "training.optimizerState[" + i + "]";
            Tensor tensor = parameters.get(i);
            values[i] = tensors.read(states.get(i), where, optimizer.stateSize(tensor.size()));
            steps[i] = Json.nonNegativeLong(states.get(i), "steps", where);
            if (steps[i] > budget) {
                throw new ModelFormatException(Format.MANIFEST + ": '" + where + ".steps' is " + steps[i]
                        + "; the step counts of all tensors may add up to no more than " + Format.MAX_TOTAL_STEPS);
            }
            budget -= steps[i];
        }
        for (int i = 0; i < values.length; i++) {
            OptimizerMemory.restore(parameters.get(i), values[i], steps[i]);
        }
    }

    private static List<String> labels(JsonNode root) throws ModelFormatException {
        if (!Json.present(root, "labels")) {
            return List.of();
        }
        JsonNode list = Json.array(root, "labels", "");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                throw new ModelFormatException(Format.MANIFEST + ": 'labels[" + i + "]' must be a string");
            }
            labels.add(list.get(i).textValue());
        }
        return labels;
    }

    private static InputScaler scaler(JsonNode json, int columns, TensorSource tensors) throws ModelFormatException {
        String method = Json.text(json, "method", "scaler");
        float[] offset = tensors.read(json.get("offset"), "scaler.offset", columns);
        float[] scale = tensors.read(json.get("scale"), "scaler.scale", columns);
        try {
            return new InputScaler(method, offset, scale);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(Format.MANIFEST + ": the scaler is invalid: " + e.getMessage(), e);
        }
    }

    private static TrainingHistory history(JsonNode training) throws ModelFormatException {
        if (!Json.present(training, "history")) {
            return TrainingHistory.NONE;
        }
        JsonNode json = Json.object(training, "history", "training");
        String stopReason = Json.optionalText(json, "stopReason", "training.history");
        List<Epoch> epochs = new ArrayList<>();
        if (Json.present(json, "epochs")) {
            JsonNode list = Json.array(json, "epochs", "training.history");
            for (int i = 0; i < list.size(); i++) {
                String where = "training.history.epochs[" + i + "]";
                JsonNode e = list.get(i);
                if (!e.isObject()) {
                    throw new ModelFormatException(Format.MANIFEST + ": '" + where + "' must be an object");
                }
                epochs.add(new Epoch(Json.positiveInt(e, "number", where), Json.numberOrNaN(e, "loss", where),
                        Json.numberOrNaN(e, "validationLoss", where), Json.numberOrNaN(e, "accuracy", where),
                        Json.numberOrNaN(e, "validationAccuracy", where), Json.numberOrNaN(e, "learningRate", where),
                        Json.numberOrNaN(e, "seconds", where)));
            }
        }
        return new TrainingHistory(epochs, stopReason);
    }

    private static Map<String, String> metadata(JsonNode root) throws ModelFormatException {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!Json.present(root, "metadata")) {
            return metadata;
        }
        JsonNode json = Json.object(root, "metadata", "");
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!field.getValue().isTextual()) {
                throw new ModelFormatException(Format.MANIFEST + ": 'metadata." + field.getKey()
                        + "' must be a string");
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
        return metadata;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
