package io.sinapse.persistence;

import io.sinapse.core.Layer;

import java.util.List;
import java.util.stream.Collectors;

/** The layer kinds this version of the format knows. Add new kinds here. */
final class LayerKinds {

    static final List<LayerKind> ALL = List.of(new DenseKind(), new ActivationKind(), new DropoutKind());

    private LayerKinds() {
    }

    /** The kind that saves {@code layer}; an error for layer types the format cannot hold. */
    static LayerKind of(Layer layer, int index) {
        for (LayerKind kind : ALL) {
            if (kind.writes(layer)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Cannot save layer " + index + ", " + layer.describe() + " ("
                + layer.getClass().getName() + "): the model format knows only the layer kinds " + ids() + ".");
    }

    /** The kind called {@code id}; an error naming the kinds this version reads. */
    static LayerKind byId(String id, String where) throws ModelFormatException {
        for (LayerKind kind : ALL) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new ModelFormatException("'" + where + "' is a layer of kind '" + id + "', which this version of"
                + " Sinapse (" + ModelFile.libraryVersion() + ") cannot read; it knows " + ids()
                + ". A newer Sinapse may read it.");
    }

    private static String ids() {
        return ALL.stream().map(LayerKind::id).collect(Collectors.joining(", "));
    }
}
