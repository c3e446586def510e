package io.sinapse.data;

import io.sinapse.core.Dataset;

import java.nio.file.Path;

/**
 * Loads all of Fashion-MNIST (train and test) and prints the size of the data as held (a byte per pixel, a float
 * per one-hot label value) next to the live heap after loading. Run it with a heap cap to show the load needs no
 * more than that: {@code bench/run.sh} uses {@code -Xmx} at 1.3 × the images' size as bytes. It reads the data
 * only through {@link Dataset#gather} and {@link Dataset#targets()}: {@link Dataset#features()} would decode the
 * images into floats, four times their size.
 */
public final class FashionMnistMemoryCheck {

    private FashionMnistMemoryCheck() {
    }

    public static void main(String[] args) {
        FashionMnist data = FashionMnist.load(args.length > 0 ? Path.of(args[0]) : FashionMnist.DEFAULT_DIRECTORY);
        Dataset train = data.train().dataset();
        Dataset test = data.test().dataset();
        if (!train.byteCoded() || !test.byteCoded()) {
            throw new IllegalStateException("Fashion-MNIST's images should be byte-coded");
        }
        long held = (long) train.rows() * train.featureCount() + (long) test.rows() * test.featureCount()
                + 4L * (train.targets().length + test.targets().length);
        // Touch one batch, as training would, so the check covers decoding too.
        float[] x = new float[128 * train.featureCount()];
        float[] y = new float[128 * train.targetCount()];
        int[] order = new int[128];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 7919) % train.rows();
        }
        train.gather(order, 0, order.length, x, y);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("loaded %d + %d images: %.1f MB held (image bytes and one-hot float labels; as floats the"
                + " images would be %.1f MB), live heap after load %.1f MB, heap cap %.1f MB%n", train.rows(),
                test.rows(), held / 1e6, 4e-6 * ((long) train.rows() + test.rows()) * train.featureCount(),
                used / 1e6, runtime.maxMemory() / 1e6);
    }
}
