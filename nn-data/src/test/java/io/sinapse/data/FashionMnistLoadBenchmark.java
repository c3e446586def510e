package io.sinapse.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times reading the 60,000 Fashion-MNIST training images from gzip IDX into one float array, the counterpart of
 * {@code bench/load_numpy.py}. A program, not a test: timings belong in a report, not in a pass/fail check.
 * {@code bench/run.sh} runs both side by side. Arguments: [directory] [runs].
 */
public final class FashionMnistLoadBenchmark {

    private FashionMnistLoadBenchmark() {
    }

    public static void main(String[] args) {
        Path directory = args.length > 0 ? Path.of(args[0]) : FashionMnist.DEFAULT_DIRECTORY;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path images = directory.resolve(FashionMnist.TRAIN_IMAGES);

        for (int warmUp = 0; warmUp < 3; warmUp++) {
            check(IdxReader.readScaled(images));
        }
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            IdxArray read = IdxReader.readScaled(images);
            millis[run] = (System.nanoTime() - start) / 1e6;
            check(read);
        }
        Arrays.sort(millis);
        System.out.printf("java:  median %.1f ms over %d runs (min %.1f, max %.1f); %.1f MB of float%n",
                millis[runs / 2], runs, millis[0], millis[runs - 1], 60_000 * 784 * 4 / 1e6);
    }

    private static void check(IdxArray read) {
        if (read.count() != 60_000 || read.values().length != 60_000 * 784) {
            throw new IllegalStateException("Read " + read.count() + " images");
        }
    }
}
