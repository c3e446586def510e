package io.sinapse.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times reading the 60,000 Fashion-MNIST training images from gzip IDX into one float array
 * ({@link IdxReader#readScaled}, the counterpart of {@code bench/load_numpy.py}) and into one byte array
 * ({@link IdxReader#readBytes}, what {@link FashionMnist} keeps). A program, not a test: timings belong in a
 * report, not in a pass/fail check. {@code bench/run.sh} runs it and numpy side by side. Arguments: [directory]
 * [runs].
 */
public final class FashionMnistLoadBenchmark {

    private static final int IMAGES = 60_000;
    private static final int PIXELS = 784;

    private FashionMnistLoadBenchmark() {
    }

    public static void main(String[] args) {
        Path directory = args.length > 0 ? Path.of(args[0]) : FashionMnist.DEFAULT_DIRECTORY;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path images = directory.resolve(FashionMnist.TRAIN_IMAGES);

        time("java float", runs, 4, () -> check(IdxReader.readScaled(images).values().length));
        time("java bytes", runs, 1, () -> check(IdxReader.readBytes(images).values().length));
    }

    private static void time(String name, int runs, int bytesPerValue, Supplier<Integer> read) {
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            read.get();
        }
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            read.get();
            millis[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%s:  median %.1f ms over %d runs (min %.1f, max %.1f); %.1f MB%n", name, millis[runs / 2],
                runs, millis[0], millis[runs - 1], (double) IMAGES * PIXELS * bytesPerValue / 1e6);
    }

    private static int check(int values) {
        if (values != IMAGES * PIXELS) {
            throw new IllegalStateException("Read " + values / PIXELS + " images");
        }
        return values;
    }
}
