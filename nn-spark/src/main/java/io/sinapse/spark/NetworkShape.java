package io.sinapse.spark;

import io.sinapse.api.Plugins;
import io.sinapse.core.ActivationLayer;
import io.sinapse.core.Dense;
import io.sinapse.core.Layer;
import io.sinapse.core.Network;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What an executor needs to rebuild a network: its input width and, per layer, a dense layer's width or an
 * activation's full spec. The weights travel separately, as one flat array (see {@link FlatWeights}).
 * Activations are resolved by name through the plug-in lookup on the executor, as everywhere in Sinapse.
 */
final class NetworkShape implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int inputs;
    /** Per layer: the units of a dense layer, or 0 for an activation layer. */
    private final int[] units;
    /** Per layer: the activation spec, or null for a dense layer. */
    private final String[] activations;

    private NetworkShape(int inputs, int[] units, String[] activations) {
        this.inputs = inputs;
        this.units = units;
        this.activations = activations;
    }

    /** The shape of {@code network}; only dense and activation layers can be trained on Spark. */
    static NetworkShape of(Network network) {
        List<Layer> layers = network.layers();
        int[] units = new int[layers.size()];
        String[] activations = new String[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Dense dense) {
                units[i] = dense.outputSize();
            } else if (layer instanceof ActivationLayer activation) {
                activations[i] = activation.activation().spec();
            } else {
                throw new IllegalArgumentException("Layer " + (i + 1) + " is " + layer.describe() + ": distributed"
                        + " training handles dense and activation layers only (dropout masks would have to be drawn"
                        + " per partition, which the single-machine trainer does not do). Remove it to train on"
                        + " Spark.");
            }
        }
        return new NetworkShape(network.inputSize(), units, activations);
    }

    /** A network of this shape with zero weights, its activations looked up in {@code plugins}. */
    Network build(Plugins plugins) {
        List<Layer> layers = new ArrayList<>();
        int size = inputs;
        for (int i = 0; i < units.length; i++) {
            if (activations[i] == null) {
                layers.add(new Dense(size, units[i]));
                size = units[i];
            } else {
                layers.add(new ActivationLayer(plugins.activation(activations[i]), size));
            }
        }
        return new Network(inputs, layers);
    }

    /** A stable key for caching executor-side networks of this shape. */
    String key() {
        StringBuilder key = new StringBuilder().append(inputs);
        for (int i = 0; i < units.length; i++) {
            key.append('|').append(activations[i] == null ? "dense:" + units[i] : activations[i]);
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return key();
    }
}
