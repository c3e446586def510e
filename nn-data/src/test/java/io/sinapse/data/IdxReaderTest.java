package io.sinapse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected the message to mention \"" + part + "\": " + message);
        }
    }

    private String error(Runnable read) {
        return assertThrows(DataException.class, read::run).getMessage();
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void imagesAreReadAsUnsignedBytesOver255(boolean compressed) throws IOException {
        // Two 2×3 images holding 0, 1, 127, 128, 254, 255 and their reverse.
        byte[] pixels = {0, 1, 127, (byte) 128, (byte) 254, (byte) 255, (byte) 255, (byte) 254, (byte) 128, 127, 1, 0};
        Path file = IdxFiles.write(dir.resolve("images.idx"), new int[] {2, 2, 3}, pixels, compressed);

        IdxArray images = IdxReader.readScaled(file);

        assertArrayEquals(new int[] {2, 2, 3}, images.shape());
        assertEquals(2, images.count());
        assertEquals(6, images.itemSize());
        assertArrayEquals(new float[] {0f, 1 / 255f, 127 / 255f, 128 / 255f, 254 / 255f, 1f,
            1f, 254 / 255f, 128 / 255f, 127 / 255f, 1 / 255f, 0f}, images.values());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName() throws IOException {
        Path plainNamedGz = IdxFiles.write(dir.resolve("plain.gz"), new int[] {3}, new byte[] {7, 8, 9}, false);
        Path gzipNamedPlain = IdxFiles.write(dir.resolve("gzip.idx"), new int[] {3}, new byte[] {7, 8, 9}, true);

        assertArrayEquals(new int[] {7, 8, 9}, IdxReader.readLabels(plainNamedGz));
        assertArrayEquals(new int[] {7, 8, 9}, IdxReader.readLabels(gzipNamedPlain));
    }

    @Test
    void aLimitReadsOnlyTheFirstItems() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images.gz"), new int[] {5, 2, 2}, IdxFiles.counting(20, 0), true);

        IdxArray first = IdxReader.readScaled(file, 2);

        assertArrayEquals(new int[] {2, 2, 2}, first.shape());
        float[] expected = new float[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = i / 255f;
        }
        assertArrayEquals(expected, first.values());
        assertEquals(5, IdxReader.readScaled(file, 100).count());
    }

    @Test
    void aLargeFileIsReadAcrossManyBuffers() throws IOException {
        // 300 items of 1000 bytes: more than four 64 KiB buffers, and a compressed stream of many blocks.
        byte[] data = IdxFiles.counting(300_000, 3);
        Path file = IdxFiles.write(dir.resolve("big.gz"), new int[] {300, 10, 100}, data, true);

        float[] values = IdxReader.readScaled(file).values();

        assertEquals(300_000, values.length);
        for (int i = 0; i < data.length; i += 997) {
            assertEquals((data[i] & 0xFF) / 255f, values[i], "value " + i);
        }
        assertEquals((data[data.length - 1] & 0xFF) / 255f, values[values.length - 1]);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readBytesGivesTheStoredBytesAndUnitScaleMapsThemToWhatReadScaledGives(boolean compressed)
            throws IOException {
        // 300 items of 1000 bytes, every byte value many times, across many 64 KiB buffers.
        byte[] data = IdxFiles.counting(300_000, 3);
        Path file = IdxFiles.write(dir.resolve("big.idx"), new int[] {300, 10, 100}, data, compressed);

        IdxBytes bytes = IdxReader.readBytes(file);
        float[] scaled = IdxReader.readScaled(file).values();
        float[] table = IdxReader.unitScale();

        assertArrayEquals(new int[] {300, 10, 100}, bytes.shape());
        assertEquals(300, bytes.count());
        assertEquals(1000, bytes.itemSize());
        assertArrayEquals(data, bytes.values());
        assertEquals(256, table.length);
        for (int i = 0; i < data.length; i++) {
            if (Float.floatToRawIntBits(table[bytes.values()[i] & 0xFF]) != Float.floatToRawIntBits(scaled[i])) {
                throw new AssertionError("value " + i + ": table gives " + table[bytes.values()[i] & 0xFF]
                        + ", readScaled " + scaled[i]);
            }
        }
        for (int b = 0; b < 256; b++) {
            assertEquals(Float.floatToRawIntBits(b / 255f), Float.floatToRawIntBits(table[b]), "byte " + b);
        }
    }

    @Test
    void readBytesWithALimitReadsOnlyTheFirstItems() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images.gz"), new int[] {5, 2, 2}, IdxFiles.counting(20, 250), true);

        IdxBytes first = IdxReader.readBytes(file, 2);

        assertArrayEquals(new int[] {2, 2, 2}, first.shape());
        assertArrayEquals(Arrays.copyOf(IdxFiles.counting(20, 250), 8), first.values());
        assertEquals(5, IdxReader.readBytes(file, 100).count());
        assertThrows(IllegalArgumentException.class, () -> IdxReader.readBytes(file, 0));
    }

    @Test
    void readBytesChecksAsReadScaledDoes() throws IOException {
        Path truncated = IdxFiles.write(dir.resolve("short.idx"), new int[] {4, 2, 2}, new byte[10], true);
        Path notIdx = dir.resolve("notes.txt");
        Files.writeString(notIdx, "hello, not an idx file");

        assertMentions(error(() -> IdxReader.readBytes(truncated)), truncated.toString(), "is truncated",
                "4 × 2 × 2", "ends in item 2", "after 10 of 16 values");
        assertMentions(error(() -> IdxReader.readBytes(notIdx)), "wrong magic number 0x68656c6c");
        assertMentions(error(() -> IdxReader.readBytes(dir.resolve("absent.idx"))), "not found");
        // With a limit, only the items read are checked, as for readScaled.
        assertEquals(2, IdxReader.readBytes(truncated, 2).count());
    }

    @Test
    void unitScaleIsACopy() {
        IdxReader.unitScale()[1] = 5f;

        assertEquals(1 / 255f, IdxReader.unitScale()[1]);
    }

    @Test
    void labelsAreIntsFrom0To255() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), new int[] {4}, new byte[] {0, 9, (byte) 200, (byte) 255},
                false);

        assertArrayEquals(new int[] {0, 9, 200, 255}, IdxReader.readLabels(file));
        assertArrayEquals(new int[] {0, 9}, IdxReader.readLabels(file, 2));
    }

    @Test
    void theHeaderAloneGivesMagicNumberCountAndShape() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images.gz"), new int[] {3, 4, 5}, new byte[60], true);

        IdxHeader header = IdxReader.header(file);

        assertEquals(0x00000803, header.magic());
        assertEquals(3, header.count());
        assertEquals(20, header.itemSize());
        assertEquals("3 × 4 × 5", header.shape());
    }

    @Test
    void aWrongMagicNumberIsNamedInHex() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, not an idx file");

        assertMentions(error(() -> IdxReader.readScaled(file)), file.toString(), "not an IDX file",
                "wrong magic number 0x68656c6c", "0x00000803");
    }

    @Test
    void anUnsupportedValueTypeIsNamed() throws IOException {
        Path file = dir.resolve("floats.idx");
        Files.write(file, IdxFiles.idx(0x0D, new int[] {1}, new byte[4]));

        assertMentions(error(() -> IdxReader.readScaled(file)), file.toString(), "type 0x0d", "0x00000d01",
                "only unsigned bytes");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void aTruncatedFileNamesTheItemWhereTheDataEnds(boolean compressed) throws IOException {
        // The header promises 4 images of 2×2 = 16 bytes; only 10 follow, so image 2 is cut short.
        Path file = IdxFiles.write(dir.resolve("short.idx"), new int[] {4, 2, 2}, new byte[10], compressed);

        assertMentions(error(() -> IdxReader.readScaled(file)), file.toString(), "is truncated",
                "4 × 2 × 2", "ends in item 2", "after 10 of 16 values");
    }

    @Test
    void aGzipStreamCutShortIsTruncationToo() throws IOException {
        byte[] complete = IdxFiles.gzip(IdxFiles.idx(0x08, new int[] {100, 10}, IdxFiles.counting(1000, 0)));
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(complete, complete.length / 2));

        assertMentions(error(() -> IdxReader.readScaled(file)), file.toString(), "is truncated");
    }

    @Test
    void aTruncatedHeaderIsNamed() throws IOException {
        Path file = dir.resolve("header.idx");
        Files.write(file, new byte[] {0, 0, 8, 3, 0, 0, 0, 5});

        assertMentions(error(() -> IdxReader.header(file)), file.toString(), "truncated", "inside the header");
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.idx"));

        assertMentions(error(() -> IdxReader.readLabels(file)), file.toString(), "is empty");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.idx");

        assertMentions(error(() -> IdxReader.readScaled(file)), "not found", file.toString());
    }

    @Test
    void readingLabelsFromAnImageFileIsAnError() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images"), new int[] {1, 2, 2}, new byte[4], false);

        assertMentions(error(() -> IdxReader.readLabels(file)), file.toString(), "not a label file", "1 × 2 × 2");
    }

    @Test
    void aZeroDimensionIsRefused() throws IOException {
        Path file = IdxFiles.write(dir.resolve("zero"), new int[] {0, 28, 28}, new byte[0], false);

        assertMentions(error(() -> IdxReader.header(file)), file.toString(), "dimension 1", "must be positive");
    }

    @Test
    void aLimitMustBePositive() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), new int[] {1}, new byte[1], false);

        assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(file, 0));
    }
}
