package io.sinapse.regularization;

/** Weights to check regularizers on: both signs, large and small, and 0 where |w| has its kink. */
final class Weights {

    static final double[] SAMPLE = {-2.5, -1, -0.3, -1e-3, 0, 1e-3, 0.7, 1.9, 4};

    private Weights() {
    }

    static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
