package io.sinapse.data;

import io.sinapse.core.Dataset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST (Zalando Research): 28 × 28 grey images of clothing in 10 classes, 60,000 for training and 10,000
 * for testing, read from the four IDX files of the Debian package {@code dataset-fashion-mnist}.
 *
 * <p>Each image is a row of 784 features in [0, 1] (pixel bytes / 255, row by row); each label a one-hot row of
 * 10. The images are kept as their pixel bytes with a 256-entry decode table ({@link Dataset#ofBytes}; the table
 * is {@link IdxReader#unitScale()}, so every value is the float {@link IdxReader#readScaled} gives): the 60,000
 * training images take 47 MB instead of 188 MB as floats. {@link Dataset#gather} decodes each mini-batch as the
 * trainer draws it; {@link Dataset#features()} decodes a whole split into floats on its first call and keeps
 * them (188 MB for the training split), so code that only trains should not call it on the training set. The
 * labels are one float array per split. A limit reads only the first images of a split, e.g. 10,000 for a quick
 * experiment. Every file is checked before any data is read: missing files name the package to
 * install, and an image file and its label file must hold the same number of items.
 */
public final class FashionMnist {

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** The ten classes, in label order: label 0 is "T-shirt/top", label 9 "Ankle boot". */
    public static final LabelEncoding CLASSES = LabelEncoding.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private static final Logger LOG = LoggerFactory.getLogger(FashionMnist.class);
    private static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private final LabeledDataset train;
    private final LabeledDataset test;

    private FashionMnist(LabeledDataset train, LabeledDataset test) {
        this.train = train;
        this.test = test;
    }

    /** All 70,000 images from {@link #DEFAULT_DIRECTORY}. */
    public static FashionMnist load() {
        return load(DEFAULT_DIRECTORY);
    }

    /** All 70,000 images from {@code directory}. */
    public static FashionMnist load(Path directory) {
        return load(directory, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The first {@code trainLimit} training and {@code testLimit} test images (fewer when a split holds fewer).
     * The files may also be there uncompressed, without the {@code .gz}.
     */
    public static FashionMnist load(Path directory, int trainLimit, int testLimit) {
        long start = System.nanoTime();
        List<Path> files = locate(directory);
        int trainCount = checkPair(files.get(0), files.get(1));
        int testCount = checkPair(files.get(2), files.get(3));
        LabeledDataset train = read("Fashion-MNIST train", files.get(0), files.get(1), Math.min(trainLimit, trainCount));
        LabeledDataset test = read("Fashion-MNIST test", files.get(2), files.get(3), Math.min(testLimit, testCount));
        LOG.info("Loaded Fashion-MNIST from {}: {} training and {} test images in {} ms", directory, train.rows(),
                test.rows(), (System.nanoTime() - start) / 1_000_000);
        return new FashionMnist(train, test);
    }

    /** Whether {@code directory} holds the four files, so a test can skip instead of failing. */
    public static boolean isInstalled(Path directory) {
        for (String name : FILES) {
            if (!Files.isRegularFile(directory.resolve(name)) && !Files.isRegularFile(directory.resolve(plain(name)))) {
                return false;
            }
        }
        return true;
    }

    /** The training images: 784 byte-coded features, 10 one-hot targets. */
    public LabeledDataset train() {
        return train;
    }

    /** The test images: 784 byte-coded features, 10 one-hot targets. */
    public LabeledDataset test() {
        return test;
    }

    private static List<Path> locate(Path directory) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            Path gzip = directory.resolve(name);
            Path plain = directory.resolve(plain(name));
            if (Files.isRegularFile(gzip)) {
                found.add(gzip);
            } else if (Files.isRegularFile(plain)) {
                found.add(plain);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("Fashion-MNIST is not in " + directory + ": missing " + String.join(", ", missing)
                    + ". Install the Debian package with 'apt-get install dataset-fashion-mnist' (it puts the files"
                    + " in " + DEFAULT_DIRECTORY + "), or give the directory that holds the four files.");
        }
        return found;
    }

    /** Checks an image file and its label file agree, and returns their item count. */
    private static int checkPair(Path imageFile, Path labelFile) {
        IdxHeader images = IdxReader.header(imageFile);
        IdxHeader labels = IdxReader.header(labelFile);
        if (images.dimensions().length != 3) {
            throw new DataException(imageFile + " is not an image file: its items have shape " + images.shape()
                    + ", images have three dimensions (count × rows × columns, magic number 0x00000803)");
        }
        if (labels.dimensions().length != 1) {
            throw new DataException(labelFile + " is not a label file: its items have shape " + labels.shape()
                    + ", labels have one dimension (magic number 0x00000801)");
        }
        if (images.count() != labels.count()) {
            throw new DataException(imageFile + " holds " + images.count() + " images but " + labelFile + " holds "
                    + labels.count() + " labels; an image file and its label file must hold the same number");
        }
        return images.count();
    }

    private static LabeledDataset read(String name, Path imageFile, Path labelFile, int count) {
        IdxBytes images = IdxReader.readBytes(imageFile, count);
        int[] labels = IdxReader.readLabels(labelFile, count);
        int classCount = CLASSES.size();
        float[] oneHot = new float[count * classCount];
        for (int i = 0; i < count; i++) {
            if (labels[i] >= classCount) {
                throw new DataException(labelFile + ", label " + i + " (counted from 0) is " + labels[i]
                        + "; Fashion-MNIST labels are 0 to " + (classCount - 1));
            }
            oneHot[i * classCount + labels[i]] = 1f;
        }
        int pixels = images.itemSize();
        List<String> featureNames = new ArrayList<>(pixels);
        for (int p = 0; p < pixels; p++) {
            featureNames.add("pixel" + p);
        }
        Dataset dataset = Dataset.ofBytes(images.values(), IdxReader.unitScale(), pixels, oneHot, classCount);
        return new LabeledDataset(name, dataset, featureNames, CLASSES.names(), Task.CLASSIFICATION, CLASSES);
    }

    private static String plain(String gzipName) {
        return gzipName.substring(0, gzipName.length() - ".gz".length());
    }
}
