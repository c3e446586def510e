package io.sinapse.playground;

import io.sinapse.core.Accuracy;
import io.sinapse.core.Dense;
import io.sinapse.core.Layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbers behind the course's pictures of one network, computed by the network itself: its predictions over
 * a grid of the input plane (the decision boundary) or along the input axis (the regression fit), and its
 * weights and biases layer by layer (the drawing of the network). Runs on the training thread, between epochs.
 */
final class Pictures {

    /** Cells per side of the decision-boundary grid. */
    static final int GRID = 50;
    /** Points along the regression fit. */
    static final int FIT_POINTS = 200;

    private final Model model;
    private final float[] inputs;
    private final int rows;

    Pictures(Model model) {
        this.model = model;
        double[] e = model.extent;
        if (model.classification) {
            rows = GRID * GRID;
            inputs = new float[rows * 2];
            double dx = (e[1] - e[0]) / GRID;
            double dy = (e[3] - e[2]) / GRID;
            for (int i = 0; i < GRID; i++) {
                for (int j = 0; j < GRID; j++) {
                    int cell = i * GRID + j;
                    inputs[cell * 2] = (float) (e[0] + (j + 0.5) * dx);     // left to right
                    inputs[cell * 2 + 1] = (float) (e[3] - (i + 0.5) * dy); // top to bottom
                }
            }
        } else {
            rows = FIT_POINTS;
            inputs = new float[rows];
            for (int i = 0; i < rows; i++) {
                inputs[i] = (float) (e[0] + (e[1] - e[0]) * i / (rows - 1));
            }
        }
    }

    /**
     * For classification {@code {"size": 50, "p": […]}}, cells row by row from the top left: with one sigmoid
     * unit or two softmax units {@code p} is the probability of class 1; with more classes {@code "class"} is
     * the predicted class and {@code p} its probability. For regression {@code {"x": […], "y": […]}}.
     */
    Map<String, Object> prediction() {
        float[] out = model.network.predict(inputs, rows);
        if (!model.classification) {
            return Json.object("x", inputs, "y", rounded(out));
        }
        int k = model.network.outputSize();
        if (k <= 2) {
            float[] p = new float[rows];
            for (int r = 0; r < rows; r++) {
                p[r] = round(out[r * k + k - 1]);
            }
            return Json.object("size", GRID, "p", p);
        }
        int[] classes = new int[rows];
        float[] p = new float[rows];
        for (int r = 0; r < rows; r++) {
            int c = Accuracy.argmax(out, r * k, k);
            classes[r] = c;
            p[r] = round(out[r * k + c]);
        }
        return Json.object("size", GRID, "class", classes, "p", p);
    }

    /** Each dense layer as {@code {"in": n, "out": m, "w": […], "b": […]}}, {@code w} row-major {@code n × m}. */
    List<Object> weights() {
        List<Object> layers = new ArrayList<>();
        for (Layer layer : model.network.layers()) {
            if (layer instanceof Dense dense) {
                layers.add(Json.object("in", dense.inputSize(), "out", dense.outputSize(),
                        "w", rounded(dense.weights().value()), "b", rounded(dense.bias().value())));
            }
        }
        return layers;
    }

    /** Three decimals are more than a picture can show, and keep the frames small. */
    private static float round(float value) {
        return Math.round(value * 1000f) / 1000f;
    }

    private static float[] rounded(float[] values) {
        float[] copy = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = Float.isFinite(values[i]) ? round(values[i]) : values[i];
        }
        return copy;
    }
}
