package io.sinapse.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinapse.api.Optimizer;
import io.sinapse.core.Epoch;
import io.sinapse.core.Layer;
import io.sinapse.core.Network;
import io.sinapse.core.Tensor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns a model into the file's bytes: first {@code model.json}, the manifest, then one entry per tensor. Every
 * entry is stored uncompressed (floats barely compress; stored entries can be bounded and read directly), with a
 * fixed timestamp so the same model always gives the same bytes.
 */
final class ModelWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Model model;
    private final Optimizer optimizer;
    private final TensorSink tensors = new TensorSink();

    /** {@code optimizer} is null for a plain save, or the one whose state to save with a checkpoint. */
    ModelWriter(Model model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /** Encodes everything first, so a model the format cannot hold fails before a byte is written. */
    AtomicFile.Content encode() throws JsonProcessingException {
        byte[] manifest = JSON.writeValueAsBytes(manifest());
        List<TensorSink.Entry> entries = tensors.entries();
        return out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            put(zip, Format.MANIFEST, manifest);
            for (TensorSink.Entry entry : entries) {
                put(zip, entry.name(), entry.bytes());
            }
            zip.finish();
        };
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(Checksums.crc32(bytes));
        entry.setTimeLocal(Format.ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private ObjectNode manifest() {
        Network network = model.network();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", Format.ID);
        root.put("formatVersion", Format.VERSION);
        root.put("libraryVersion", ModelFile.libraryVersion());
        root.put("task", model.task().id());
        root.put("inputs", network.inputSize());
        root.put("outputs", network.outputSize());
        root.set("layers", layers(network));
        if (!model.labels().isEmpty()) {
            ArrayNode labels = root.putArray("labels");
            model.labels().forEach(labels::add);
        }
        model.scaler().ifPresent(scaler -> {
            ObjectNode json = root.putObject("scaler");
            json.put("method", scaler.method());
            json.set("offset", tensors.add("scaler.offset", scaler.offset(), scaler.columns()));
            json.set("scale", tensors.add("scaler.scale", scaler.scale(), scaler.columns()));
        });
        root.set("training", training(network));
        ObjectNode metadata = root.putObject("metadata");
        model.metadata().forEach(metadata::put);
        return root;
    }

    private ArrayNode layers(Network network) {
        ArrayNode layers = JsonNodeFactory.instance.arrayNode();
        List<Layer> list = network.layers();
        for (int i = 0; i < list.size(); i++) {
            Layer layer = list.get(i);
            LayerKind kind = LayerKinds.of(layer, i);
            ObjectNode json = layers.addObject();
            json.put("kind", kind.id());
            kind.write(layer, "layer" + i, json, tensors);
        }
        return layers;
    }

    private ObjectNode training(Network network) {
        ObjectNode training = JsonNodeFactory.instance.objectNode();
        model.lossSpec().ifPresent(spec -> training.put("loss", spec));
        String optimizerSpec = optimizer != null ? optimizer.spec() : model.optimizerSpec().orElse(null);
        if (optimizerSpec != null) {
            training.put("optimizer", optimizerSpec);
        }
        model.regularizerSpec().ifPresent(spec -> training.put("regularizer", spec));
        ObjectNode history = training.putObject("history");
        history.put("stopReason", model.history().stopReason());
        ArrayNode epochs = history.putArray("epochs");
        for (Epoch epoch : model.history().epochs()) {
            ObjectNode json = epochs.addObject();
            json.put("number", epoch.number());
            putMeasured(json, "loss", epoch.loss());
            putMeasured(json, "validationLoss", epoch.validationLoss());
            putMeasured(json, "accuracy", epoch.accuracy());
            putMeasured(json, "validationAccuracy", epoch.validationAccuracy());
            putMeasured(json, "learningRate", epoch.learningRate());
            putMeasured(json, "seconds", epoch.seconds());
        }
        if (optimizer != null) {
            training.set("optimizerState", optimizerState(network));
        }
        return training;
    }

    /** One entry per parameter tensor, in {@link Network#parameters()} order: the state array and its step count. */
    private ArrayNode optimizerState(Network network) {
        ArrayNode states = JsonNodeFactory.instance.arrayNode();
        List<Tensor> parameters = network.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Tensor tensor = parameters.get(i);
            OptimizerMemory.Snapshot snapshot = OptimizerMemory.read(tensor, optimizer.stateSize(tensor.size()));
            ObjectNode json = tensors.add("optimizer" + i + "." + tensor.name(), snapshot.state(),
                    snapshot.state().length);
            json.put("steps", snapshot.steps());
            states.add(json);
        }
        return states;
    }

    /** JSON has no NaN or infinity; "not measured" (NaN) and the rare infinite value are written as null. */
    private static void putMeasured(ObjectNode json, String field, double value) {
        if (Double.isFinite(value)) {
            json.put(field, value);
        } else {
            json.putNull(field);
        }
    }
}
