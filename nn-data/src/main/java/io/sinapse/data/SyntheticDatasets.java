package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of the classic toy problems: two interleaving moons, concentric circles and spirals, which a
 * straight line cannot separate but a small MLP can, and a noisy sine for regression. The same arguments give
 * the same rows on every run. Rows come shuffled; classes are one-hot; {@code noise} is the standard deviation
 * of Gaussian noise added to each coordinate (to the target, for the sine).
 */
public final class SyntheticDatasets {

    private SyntheticDatasets() {
    }

    /**
     * Two interleaving half circles, as scikit-learn's {@code make_moons}: class 0 on the upper arc
     * {@code (cos t, sin t)}, class 1 on the lower {@code (1 − cos t, 0.5 − sin t)}, t evenly spaced over [0, π];
     * {@code samples / 2} points on the upper arc, the rest on the lower.
     */
    public static LabeledDataset twoMoons(int samples, double noise, long seed) {
        requireAtLeast(samples, 2, "samples");
        requireNonNegative(noise);
        int upper = samples / 2;
        int lower = samples - upper;
        Random random = new Random(seed);
        Builder data = new Builder(samples, 2, random);
        for (int i = 0; i < upper; i++) {
            double t = spaced(i, upper, 0, Math.PI, true);
            data.add(0, Math.cos(t), Math.sin(t), noise);
        }
        for (int i = 0; i < lower; i++) {
            double t = spaced(i, lower, 0, Math.PI, true);
            data.add(1, 1 - Math.cos(t), 0.5 - Math.sin(t), noise);
        }
        return data.build("moons", List.of("x", "y"), LabelEncoding.of("upper", "lower"));
    }

    /**
     * A circle of radius 1 (class 0) around a circle of radius {@code factor} (class 1), as scikit-learn's
     * {@code make_circles}: {@code samples / 2} points evenly spaced on the outer circle, the rest on the inner.
     */
    public static LabeledDataset circles(int samples, double noise, double factor, long seed) {
        requireAtLeast(samples, 2, "samples");
        requireNonNegative(noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("The inner circle's radius factor must be between 0 and 1, got "
                    + factor);
        }
        int outer = samples / 2;
        int inner = samples - outer;
        Random random = new Random(seed);
        Builder data = new Builder(samples, 2, random);
        for (int i = 0; i < outer; i++) {
            double t = spaced(i, outer, 0, 2 * Math.PI, false);
            data.add(0, Math.cos(t), Math.sin(t), noise);
        }
        for (int i = 0; i < inner; i++) {
            double t = spaced(i, inner, 0, 2 * Math.PI, false);
            data.add(1, factor * Math.cos(t), factor * Math.sin(t), noise);
        }
        return data.build("circles", List.of("x", "y"), LabelEncoding.of("outer", "inner"));
    }

    /**
     * {@code classes} spiral arms from the centre (the CS231n example): arm {@code k} has points at radius
     * {@code r} evenly spaced over [0, 1] and angle {@code 4k + 4r} radians, at {@code (r sin θ, r cos θ)}.
     * {@code samples / classes} points per arm, the first arms taking one more when it does not divide.
     */
    public static LabeledDataset spirals(int samples, int classes, double noise, long seed) {
        requireAtLeast(classes, 2, "classes");
        requireAtLeast(samples, 2 * classes, "samples (two per arm)");
        requireNonNegative(noise);
        Random random = new Random(seed);
        Builder data = new Builder(samples, classes, random);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int points = samples / classes + (k < samples % classes ? 1 : 0);
            for (int i = 0; i < points; i++) {
                double r = spaced(i, points, 0, 1, true);
                double angle = 4 * k + 4 * r;
                data.add(k, r * Math.sin(angle), r * Math.cos(angle), noise);
            }
            names.add("arm" + k);
        }
        return data.build("spirals", List.of("x", "y"), LabelEncoding.of(names));
    }

    /** {@code y = sin(πx) + noise}, x uniform in [−1, 1]: one feature, one numeric target. */
    public static LabeledDataset noisySine(int samples, double noise, long seed) {
        requireAtLeast(samples, 1, "samples");
        requireNonNegative(noise);
        Random random = new Random(seed);
        float[] x = new float[samples];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (2 * random.nextDouble() - 1);
            y[i] = (float) (Math.sin(Math.PI * x[i]) + noise * random.nextGaussian());
        }
        return new LabeledDataset("noisy_sine", new Dataset(x, 1, y, 1), List.of("x"), List.of("y"),
                Task.REGRESSION, null);
    }

    /** Point {@code i} of {@code n} evenly spaced from {@code from} to {@code to}, that end included or not. */
    private static double spaced(int i, int n, double from, double to, boolean includeEnd) {
        int steps = includeEnd ? n - 1 : n;
        return steps == 0 ? from : from + (to - from) * i / steps;
    }

    private static void requireAtLeast(int value, int minimum, String what) {
        if (value < minimum) {
            throw new IllegalArgumentException("Need at least " + minimum + " " + what + ", got " + value);
        }
    }

    private static void requireNonNegative(double noise) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Noise is a standard deviation: zero or more, got " + noise);
        }
    }

    /** Writes 2-D points with one-hot classes straight to shuffled positions, so no second copy is made. */
    private static final class Builder {
        private final float[] features;
        private final float[] targets;
        private final int classCount;
        private final int[] position;
        private final Random random;
        private int next;

        Builder(int samples, int classCount, Random random) {
            this.features = new float[samples * 2];
            this.targets = new float[samples * classCount];
            this.classCount = classCount;
            this.random = random;
            this.position = Shuffle.permutation(samples, random);
        }

        void add(int classIndex, double x, double y, double noise) {
            int row = position[next++];
            features[row * 2] = (float) (x + noise * random.nextGaussian());
            features[row * 2 + 1] = (float) (y + noise * random.nextGaussian());
            targets[row * classCount + classIndex] = 1f;
        }

        LabeledDataset build(String name, List<String> featureNames, LabelEncoding classes) {
            return new LabeledDataset(name, new Dataset(features, 2, targets, classCount), featureNames,
                    classes.names(), Task.CLASSIFICATION, classes);
        }
    }
}
