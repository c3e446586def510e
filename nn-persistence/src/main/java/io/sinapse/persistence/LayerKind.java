package io.sinapse.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinapse.core.Layer;

/**
 * One kind of entry in the manifest's {@code layers} list: how a layer of that kind is written and read back.
 * A new layer type (dropout, say, with its {@code rate}) becomes saveable by one more implementation listed in
 * {@link LayerKinds}; files using a kind this version does not list are refused with a clear message.
 */
interface LayerKind {

    /** The {@code kind} field's value, e.g. {@code dense}. */
    String id();

    /** Whether this kind saves {@code layer}. */
    boolean writes(Layer layer);

    /**
     * Fills {@code json} (which already has {@code kind}) with the layer's settings, adding its tensors to
     * {@code tensors} under names starting with {@code prefix}.
     */
    void write(Layer layer, String prefix, ObjectNode json, TensorSink tensors);

    /**
     * The layer {@code json} describes, which must take {@code inputSize} inputs. Reads its tensors from
     * {@code tensors} and its plug-ins through {@code plugins}; {@code where} names it in messages.
     */
    Layer read(JsonNode json, String where, int inputSize, TensorSource tensors, PluginResolver plugins)
            throws ModelFormatException;
}
