package io.sinapse.persistence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the tensors of a model being saved: each becomes one zip entry of little-endian floats, and the
 * manifest gets a reference to it (entry name, shape, SHA-256).
 */
final class TensorSink {

    /** One tensor entry, encoded. */
    record Entry(String name, byte[] bytes) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Adds {@code values} as the entry {@code tensors/<name>.f32} and returns its manifest reference.
     * The product of {@code shape} must be {@code values.length}.
     */
    ObjectNode add(String name, float[] values, int... shape) {
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        if (count != values.length) {
            throw new IllegalStateException("Tensor " + name + " has " + values.length + " values, not the "
                    + count + " its shape needs");
        }
        String entry = Format.TENSOR_FOLDER + name + Format.TENSOR_SUFFIX;
        byte[] bytes = LittleEndianFloats.encode(values);
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("entry", entry);
        ArrayNode dims = ref.putArray("shape");
        for (int dimension : shape) {
            dims.add(dimension);
        }
        ref.put("sha256", Checksums.sha256(bytes));
        entries.add(new Entry(entry, bytes));
        return ref;
    }

    List<Entry> entries() {
        return entries;
    }
}
