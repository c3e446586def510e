package io.sinapse.bench;

import java.util.SplittableRandom;

/** Seeded random inputs for the benchmarks. */
final class Inputs {

    private Inputs() {
    }

    /** {@code n} floats uniform in [from, to), the same for the same seed. */
    static float[] uniform(int n, double from, double to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(from, to);
        }
        return x;
    }
}
