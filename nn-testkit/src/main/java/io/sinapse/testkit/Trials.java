package io.sinapse.testkit;

import java.util.List;
import java.util.Random;

/** The batches the contracts try: a few shapes, several seeded random draws each. */
final class Trials {

    /** A single value, one row, a square-ish batch, a tall thin one. */
    static final int[][] SHAPES = {{1, 1}, {1, 6}, {3, 4}, {5, 2}};

    /** Draws per shape. */
    static final int SEEDS = 8;

    @FunctionalInterface
    interface Body {
        void run(Random random, int rows, int cols);
    }

    private Trials() {
    }

    /**
     * Runs {@code body} for every shape and seed with {@code new Random(seed)}; a failure names the seed and shape,
     * so it can be replayed.
     */
    static void forEach(Body body) {
        for (int[] shape : SHAPES) {
            for (int i = 1; i <= SEEDS; i++) {
                long seed = 100L * i + 10L * shape[0] + shape[1];
                int rows = shape[0];
                int cols = shape[1];
                Report.within("random inputs from new Random(" + seed + "), a " + rows + "×" + cols + " batch",
                        () -> body.run(new Random(seed), rows, cols));
            }
        }
    }

    /** Edge values laid out as one row and as one column, so row-wise functions see them together and apart. */
    static void forEachLayout(List<Double> values, Body body) {
        int k = values.size();
        int[][] layouts = {{1, k}, {k, 1}};
        for (int[] layout : layouts) {
            Report.within("edge values " + values + " as a " + layout[0] + "×" + layout[1] + " batch",
                    () -> body.run(new Random(k), layout[0], layout[1]));
        }
    }

    static double[] floats(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = (float) (double) values.get(i);
        }
        return array;
    }
}
