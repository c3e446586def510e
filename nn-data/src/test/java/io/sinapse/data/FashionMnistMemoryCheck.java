package io.sinapse.data;

import java.nio.file.Path;

/**
 * Loads all of Fashion-MNIST (train and test) and prints the float data's size next to the live heap after
 * loading. Run it with a heap cap to show the load needs no more than that: {@code bench/run.sh} uses
 * {@code -Xmx} at 1.3 × the float size of the images.
 */
public final class FashionMnistMemoryCheck {

    private FashionMnistMemoryCheck() {
    }

    public static void main(String[] args) {
        FashionMnist data = FashionMnist.load(args.length > 0 ? Path.of(args[0]) : FashionMnist.DEFAULT_DIRECTORY);
        long floats = 4L * (data.train().dataset().features().length + data.train().dataset().targets().length
                + data.test().dataset().features().length + data.test().dataset().targets().length);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("loaded %d + %d images: %.1f MB of floats (images and one-hot labels), live heap after"
                + " load %.1f MB, heap cap %.1f MB%n", data.train().rows(), data.test().rows(), floats / 1e6,
                used / 1e6, runtime.maxMemory() / 1e6);
    }
}
