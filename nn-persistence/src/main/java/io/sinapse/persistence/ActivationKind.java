package io.sinapse.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinapse.api.Activation;
import io.sinapse.core.ActivationLayer;
import io.sinapse.core.Layer;

/**
 * {@code {"kind": "activation", "activation": "leaky_relu(alpha=0.02)", "size": 256}}: the activation by its lookup
 * spec, which carries every parameter, so the lookup gives back an equal function.
 */
final class ActivationKind implements LayerKind {

    @Override
    public String id() {
        return "activation";
    }

    @Override
    public boolean writes(Layer layer) {
        return layer instanceof ActivationLayer;
    }

    @Override
    public void write(Layer layer, String prefix, ObjectNode json, TensorSink tensors) {
        ActivationLayer activation = (ActivationLayer) layer;
        json.put("activation", activation.activation().spec());
        json.put("size", activation.inputSize());
    }

    @Override
    public Layer read(JsonNode json, String where, int inputSize, TensorSource tensors, PluginResolver plugins)
            throws ModelFormatException {
        String spec = Json.text(json, "activation", where);
        int size = Json.positiveInt(json, "size", where);
        if (size != inputSize) {
            throw new ModelFormatException(Format.MANIFEST + ": '" + where + "' has size " + size
                    + " but the layer before it gives " + inputSize);
        }
        Activation activation = plugins.resolve(Activation.class, spec, where + ".activation");
        return new ActivationLayer(activation, size);
    }
}
