package io.sinapse.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed: gzip is recognised by its
 * magic bytes {@code 1f 8b}, not by the file name. Only unsigned-byte files (type {@code 0x08}) are read, which
 * is what those datasets use.
 *
 * <p>Values stream from the file straight into the result's array through a small reused buffer, so reading
 * 60,000 images needs the result (188 MB as floats from {@link #readScaled}, 47 MB as bytes from
 * {@link #readBytes}) and nothing of the same order besides. A wrong magic number,
 * a header that promises more data than the file holds, and corrupt gzip data are {@link DataException}s naming
 * the file and, for truncation, the item where the data ends. With a limit, only the items read are checked.
 */
public final class IdxReader {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /** {@code b / 255f} for every unsigned byte b: the same float a division gives, without dividing per value. */
    private static final float[] UNIT_SCALE = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            UNIT_SCALE[b] = b / 255f;
        }
    }

    private IdxReader() {
    }

    /** Reads only the header: cheap, so counts and shapes can be checked before any data is loaded. */
    public static IdxHeader header(Path file) {
        try (InputStream in = open(file)) {
            return readHeader(in, file);
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /** Every item of {@code file}, each unsigned byte scaled to [0, 1]. */
    public static IdxArray readScaled(Path file) {
        return readScaled(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} items (all of them when there are fewer), each unsigned byte scaled to [0, 1]. */
    public static IdxArray readScaled(Path file, int limit) {
        return read(file, limit, new Values<IdxArray>() {
            private float[] values;

            @Override
            void allocate(int length) {
                values = new float[length];
            }

            @Override
            void put(byte[] bytes, int length, int at) {
                float[] values = this.values;
                for (int i = 0; i < length; i++) {
                    values[at + i] = UNIT_SCALE[bytes[i] & 0xFF];
                }
            }

            @Override
            IdxArray result(int[] shape) {
                return new IdxArray(shape, values);
            }
        });
    }

    /** Every item of {@code file}, as the unsigned bytes stored (a quarter of the memory of {@link #readScaled}). */
    public static IdxBytes readBytes(Path file) {
        return readBytes(file, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} items (all of them when there are fewer), as the unsigned bytes stored, with the
     * same checks as {@link #readScaled(Path, int)}. {@link #unitScale()} maps them to the floats that
     * {@code readScaled} gives.
     */
    public static IdxBytes readBytes(Path file, int limit) {
        return read(file, limit, new Values<IdxBytes>() {
            private byte[] values;

            @Override
            void allocate(int length) {
                values = new byte[length];
            }

            @Override
            void put(byte[] bytes, int length, int at) {
                System.arraycopy(bytes, 0, values, at, length);
            }

            @Override
            IdxBytes result(int[] shape) {
                return new IdxBytes(shape, values);
            }
        });
    }

    /**
     * The float {@link #readScaled} gives for each unsigned byte: entry {@code b} is {@code b / 255f}. A new
     * 256-entry array, a decode table for the bytes of {@link #readBytes} (see
     * {@code io.sinapse.core.Dataset.ofBytes}).
     */
    public static float[] unitScale() {
        return UNIT_SCALE.clone();
    }

    /** Where the values of the items read go, a buffer at a time. */
    private abstract static class Values<T> {

        /** Called once, before any {@link #put}, with the number of values that will come. */
        abstract void allocate(int length);

        /** {@code bytes[0 … length - 1]} are values {@code at … at + length - 1}. */
        abstract void put(byte[] bytes, int length, int at);

        /** The result, once all values have been put. */
        abstract T result(int[] shape);
    }

    /**
     * Reads the header and then the values of the first {@code limit} items through a small reused buffer into
     * {@code values}: the one reading loop, with its checks, behind {@link #readScaled} and {@link #readBytes}.
     */
    private static <T> T read(Path file, int limit, Values<T> values) {
        requirePositive(limit);
        try (InputStream in = open(file)) {
            IdxHeader header = readHeader(in, file);
            int count = Math.min(limit, header.count());
            int length = count * header.itemSize();
            values.allocate(length);
            byte[] buffer = new byte[BUFFER_BYTES];
            int filled = 0;
            while (filled < length) {
                int read = readSome(in, buffer, 0, Math.min(buffer.length, length - filled), file, header, filled);
                values.put(buffer, read, filled);
                filled += read;
            }
            int[] shape = header.dimensions().clone();
            shape[0] = count;
            return values.result(shape);
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /** Every label of a one-dimensional IDX file (an MNIST label file), as ints 0–255. */
    public static int[] readLabels(Path file) {
        return readLabels(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} labels (all of them when there are fewer), as ints 0–255. */
    public static int[] readLabels(Path file, int limit) {
        requirePositive(limit);
        try (InputStream in = open(file)) {
            IdxHeader header = readHeader(in, file);
            if (header.dimensions().length != 1) {
                throw new DataException(file + " is not a label file: it holds items of shape " + header.shape()
                        + ", labels have one dimension (magic number 0x00000801)");
            }
            int count = Math.min(limit, header.count());
            byte[] bytes = new byte[count];
            int filled = 0;
            while (filled < count) {
                filled += readSome(in, bytes, filled, count - filled, file, header, filled);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2 ? new GZIPInputStream(in, BUFFER_BYTES) : in;
    }

    private static IdxHeader readHeader(InputStream in, Path file) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got == 0) {
            throw new DataException(file + " is empty: expected an IDX file");
        }
        if (got < 4) {
            throw new DataException(file + " is truncated: it ends inside the 4-byte IDX magic number");
        }
        int type = magic[2] & 0xFF;
        int dimensionCount = magic[3] & 0xFF;
        if (magic[0] != 0 || magic[1] != 0 || dimensionCount == 0) {
            throw new DataException(file + " is not an IDX file: wrong magic number " + hex(magic)
                    + "; IDX files start with two zero bytes, a type and a dimension count, e.g. 0x00000803 for"
                    + " images and 0x00000801 for labels");
        }
        if (type != IdxHeader.UNSIGNED_BYTE) {
            throw new DataException(file + ": IDX value type 0x" + String.format("%02x", type) + " (magic number "
                    + hex(magic) + ") is not supported; only unsigned bytes (0x08), as in MNIST, are read");
        }
        byte[] sizes = new byte[4 * dimensionCount];
        if (in.readNBytes(sizes, 0, sizes.length) < sizes.length) {
            throw new DataException(file + " is truncated: it ends inside the header, which announces "
                    + dimensionCount + " dimensions");
        }
        int[] dimensions = new int[dimensionCount];
        long total = 1;
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = ((sizes[4 * d] & 0xFF) << 24) | ((sizes[4 * d + 1] & 0xFF) << 16)
                    | ((sizes[4 * d + 2] & 0xFF) << 8) | (sizes[4 * d + 3] & 0xFF);
            if (dimensions[d] <= 0) {
                throw new DataException(file + ": dimension " + (d + 1) + " of the IDX header is "
                        + Integer.toUnsignedString(dimensions[d]) + "; sizes must be positive");
            }
            total *= dimensions[d];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataException(file + ": " + Arrays.toString(dimensions) + " is " + total + " values, more"
                    + " than one Java array can hold; read it with a limit");
        }
        return new IdxHeader(type, dimensions);
    }

    /**
     * Reads between 1 and {@code length} bytes; the end of the data or of a compressed stream before that is
     * reported as truncation at the item being read.
     */
    private static int readSome(InputStream in, byte[] buffer, int offset, int length, Path file, IdxHeader header,
                                long valuesRead) throws IOException {
        int read;
        try {
            read = in.read(buffer, offset, length);
        } catch (EOFException e) {
            read = -1; // GZIPInputStream's way of saying the compressed data stops early
        }
        if (read < 0) {
            throw new DataException(file + " is truncated: its header promises " + header.shape() + " values, but"
                    + " the data ends in item " + (valuesRead / header.itemSize()) + " (counted from 0), after "
                    + valuesRead + " of " + ((long) header.count() * header.itemSize()) + " values");
        }
        return read;
    }

    private static DataException ioFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException("IDX file not found: " + file, e);
        }
        if (e instanceof EOFException) {
            return new DataException(file + " is truncated: its gzip data ends before the IDX header does", e);
        }
        if (e instanceof ZipException) {
            return new DataException(file + " starts like gzip but its compressed data is corrupt: " + e.getMessage(),
                    e);
        }
        return new DataException("Cannot read " + file + ": " + e, e);
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit is how many items to read at most; it must be positive,"
                    + " got " + limit);
        }
    }

    private static String hex(byte[] magic) {
        StringBuilder text = new StringBuilder("0x");
        for (byte b : magic) {
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
