package io.sinapse.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinapse.core.Dropout;
import io.sinapse.core.Layer;

/**
 * {@code {"kind": "dropout", "size": 256, "rate": 0.5, "seed": -8106…}}. Dropout is the identity at inference, so
 * predictions do not depend on it; the seed its masks started from is kept so further training draws the same
 * masks as a network rebuilt from that seed.
 */
final class DropoutKind implements LayerKind {

    @Override
    public String id() {
        return "dropout";
    }

    @Override
    public boolean writes(Layer layer) {
        return layer instanceof Dropout;
    }

    @Override
    public void write(Layer layer, String prefix, ObjectNode json, TensorSink tensors) {
        Dropout dropout = (Dropout) layer;
        json.put("size", dropout.inputSize());
        json.put("rate", dropout.rate());
        json.put("seed", dropout.seed());
    }

    @Override
    public Layer read(JsonNode json, String where, int inputSize, TensorSource tensors, PluginResolver plugins)
            throws ModelFormatException {
        int size = Json.positiveInt(json, "size", where);
        if (size != inputSize) {
            throw new ModelFormatException(Format.MANIFEST + ": '" + where + "' has size " + size
                    + " but the layer before it gives " + inputSize);
        }
        double rate = Json.number(json, "rate", where);
        long seed = Json.longInteger(json, "seed", where);
        try {
            return new Dropout(size, rate, seed);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(Format.MANIFEST + ": '" + where + "': " + e.getMessage(), e);
        }
    }
}
