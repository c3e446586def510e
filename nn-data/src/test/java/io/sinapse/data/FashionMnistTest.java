package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sinapse.core.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path dir;

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected the message to mention \"" + part + "\": " + message);
        }
    }

    /** A miniature Fashion-MNIST: 3 training and 2 test images of 2×2 pixels, with the given training labels. */
    private void writeMiniature(boolean compressed, byte... trainLabels) throws IOException {
        IdxFiles.write(file(FashionMnist.TRAIN_IMAGES, compressed), new int[] {3, 2, 2}, IdxFiles.counting(12, 250),
                compressed);
        IdxFiles.write(file(FashionMnist.TRAIN_LABELS, compressed), new int[] {trainLabels.length}, trainLabels,
                compressed);
        IdxFiles.write(file(FashionMnist.TEST_IMAGES, compressed), new int[] {2, 2, 2}, new byte[8], compressed);
        IdxFiles.write(file(FashionMnist.TEST_LABELS, compressed), new int[] {2}, new byte[] {7, 3}, compressed);
    }

    private Path file(String gzipName, boolean compressed) {
        return dir.resolve(compressed ? gzipName : gzipName.substring(0, gzipName.length() - 3));
    }

    @Test
    void imagesBecomeRowsOf784ScaledPixelsAndLabelsOneHotRows() throws IOException {
        writeMiniature(true, (byte) 9, (byte) 0, (byte) 4);

        FashionMnist data = FashionMnist.load(dir);
        Dataset train = data.train().dataset();

        assertEquals(3, train.rows());
        assertEquals(4, train.featureCount());
        // Pixels 250, 251, …, 255, 0, 1, … (bytes wrap at 256), each over 255.
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = ((250 + i) % 256) / 255f;
        }
        assertTrue(train.byteCoded(), "pixels kept as bytes");
        assertArrayEquals(expected, train.features());
        float[] oneHot = new float[30];
        oneHot[9] = 1;
        oneHot[10] = 1;
        oneHot[20 + 4] = 1;
        assertArrayEquals(oneHot, train.targets());
        assertEquals("Ankle boot", data.train().predictedLabel(train.targets(), 0));
        assertEquals(Task.CLASSIFICATION, data.test().task());
        assertEquals(2, data.test().rows());
        assertEquals(List.of("pixel0", "pixel1", "pixel2", "pixel3"), data.test().featureNames());
    }

    @Test
    void uncompressedFilesWithoutTheGzSuffixAreFoundToo() throws IOException {
        writeMiniature(false, (byte) 9, (byte) 0, (byte) 4);

        assertTrue(FashionMnist.isInstalled(dir));
        assertEquals(3, FashionMnist.load(dir).train().rows());
    }

    @Test
    void limitsReadOnlyTheFirstImagesOfEachSplit() throws IOException {
        writeMiniature(true, (byte) 9, (byte) 0, (byte) 4);

        FashionMnist data = FashionMnist.load(dir, 2, 1);

        assertEquals(2, data.train().rows());
        assertEquals(1, data.test().rows());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}, data.test().dataset().targets());
    }

    @Test
    void missingFilesNameTheDebianPackage() throws IOException {
        IdxFiles.write(dir.resolve(FashionMnist.TRAIN_IMAGES), new int[] {1, 1, 1}, new byte[1], true);

        String message = assertThrows(DataException.class, () -> FashionMnist.load(dir)).getMessage();

        assertMentions(message, "Fashion-MNIST is not in " + dir, "missing train-labels-idx1-ubyte.gz,"
                + " t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz", "apt-get install dataset-fashion-mnist");
        assertFalse(message.contains("missing train-images"), message);
        assertFalse(FashionMnist.isInstalled(dir));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        writeMiniature(true, (byte) 9, (byte) 0, (byte) 4, (byte) 1);

        String message = assertThrows(DataException.class, () -> FashionMnist.load(dir)).getMessage();

        assertMentions(message, FashionMnist.TRAIN_IMAGES, "holds 3 images", FashionMnist.TRAIN_LABELS,
                "holds 4 labels");
    }

    @Test
    void aLabelOutsideTheTenClassesIsNamed() throws IOException {
        writeMiniature(true, (byte) 9, (byte) 0, (byte) 4);
        IdxFiles.write(dir.resolve(FashionMnist.TEST_LABELS), new int[] {2}, new byte[] {3, 10}, true);

        String message = assertThrows(DataException.class, () -> FashionMnist.load(dir)).getMessage();

        assertMentions(message, FashionMnist.TEST_LABELS, "label 1", "is 10", "0 to 9");
    }

    @Test
    void filesSwappedForEachOtherAreRecognised() throws IOException {
        writeMiniature(true, (byte) 9, (byte) 0, (byte) 4);
        Files.copy(dir.resolve(FashionMnist.TRAIN_LABELS), dir.resolve(FashionMnist.TRAIN_IMAGES),
                StandardCopyOption.REPLACE_EXISTING);

        String message = assertThrows(DataException.class, () -> FashionMnist.load(dir)).getMessage();

        assertMentions(message, FashionMnist.TRAIN_IMAGES, "not an image file");
    }

    @Test
    void theTenClassNamesAreInLabelOrder() {
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), FashionMnist.CLASSES.names());
    }

    @Test
    void theInstalledDatasetHasTheDocumentedSizesAndBalancedClasses() {
        assumeTrue(FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");

        FashionMnist data = FashionMnist.load();
        Dataset train = data.train().dataset();
        Dataset test = data.test().dataset();

        assertEquals(60_000, train.rows());
        assertEquals(10_000, test.rows());
        assertEquals(784, train.featureCount());
        assertTrue(train.byteCoded() && test.byteCoded(), "a byte per pixel, not a float");
        // Published facts of the dataset: 6,000 training and 1,000 test images per class; the first training
        // image is an ankle boot (label 9).
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000},
                classCounts(data.train()));
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000},
                classCounts(data.test()));
        assertEquals(9, data.train().classOf(0));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : test.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertEquals(10_000 * 784, test.features().length, "one primitive array");
    }

    @Test
    void theInstalledPixelsAreBitForBitTheFloatsOfReadScaled() {
        assumeTrue(FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");

        Dataset test = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, 1, 10_000).test().dataset();
        float[] scaled = IdxReader.readScaled(FashionMnist.DEFAULT_DIRECTORY.resolve(FashionMnist.TEST_IMAGES))
                .values();
        int[] order = new int[test.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = order.length - 1 - i; // backwards: gather by row, not one copy of the whole array
        }
        float[] gathered = new float[scaled.length];
        test.gather(order, 0, order.length, gathered, new float[test.rows() * test.targetCount()]);

        float[] decoded = test.features();
        assertEquals(scaled.length, decoded.length);
        int pixels = test.featureCount();
        for (int i = 0; i < scaled.length; i++) {
            int bits = Float.floatToRawIntBits(scaled[i]);
            int backwards = (order.length - 1 - i / pixels) * pixels + i % pixels;
            if (Float.floatToRawIntBits(decoded[i]) != bits || Float.floatToRawIntBits(gathered[backwards]) != bits) {
                throw new AssertionError("pixel " + i + ": readScaled " + scaled[i] + ", features() " + decoded[i]
                        + ", gather " + gathered[backwards]);
            }
        }
    }

    @Test
    void aSubsetOfTheInstalledDatasetIsItsFirstImages() {
        assumeTrue(FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");

        FashionMnist subset = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, 10_000, 2_000);

        assertEquals(10_000, subset.train().rows());
        assertEquals(2_000, subset.test().rows());
        assertEquals(10_000 * 784, subset.train().dataset().features().length);
        assertEquals(9, subset.train().classOf(0));
    }

    private static int[] classCounts(LabeledDataset data) {
        int[] counts = new int[10];
        for (int r = 0; r < data.rows(); r++) {
            counts[data.classOf(r)]++;
        }
        return counts;
    }
}
