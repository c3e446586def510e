package io.sinapse.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinapse.core.Dense;
import io.sinapse.core.Layer;

/** {@code {"kind": "dense", "inputs": 784, "outputs": 256, "weights": tensor, "bias": tensor}}. */
final class DenseKind implements LayerKind {

    @Override
    public String id() {
        return "dense";
    }

    @Override
    public boolean writes(Layer layer) {
        return layer instanceof Dense;
    }

    @Override
    public void write(Layer layer, String prefix, ObjectNode json, TensorSink tensors) {
        Dense dense = (Dense) layer;
        json.put("inputs", dense.inputSize());
        json.put("outputs", dense.outputSize());
        json.set("weights", tensors.add(prefix + ".weights", dense.weights().value(),
                dense.weights().rows(), dense.weights().cols()));
        json.set("bias", tensors.add(prefix + ".bias", dense.bias().value(),
                dense.bias().rows(), dense.bias().cols()));
    }

    @Override
    public Layer read(JsonNode json, String where, int inputSize, TensorSource tensors, PluginResolver plugins)
            throws ModelFormatException {
        int inputs = Json.positiveInt(json, "inputs", where);
        int outputs = Json.positiveInt(json, "outputs", where);
        if (inputs != inputSize) {
            throw new ModelFormatException(Format.MANIFEST + ": '" + where + "' takes " + inputs
                    + " inputs but the layer before it gives " + inputSize);
        }
        // The tensors are read (and their size checked against the file) before Dense allocates anything.
        float[] weights = tensors.read(json.get("weights"), where + ".weights", inputs, outputs);
        float[] bias = tensors.read(json.get("bias"), where + ".bias", 1, outputs);
        Dense dense = new Dense(inputs, outputs);
        dense.weights().set(weights);
        dense.bias().set(bias);
        return dense;
    }
}
