package io.sinapse.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files byte by byte, following the format description rather than the reader's code. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** The bytes of an IDX file: 0, 0, type, dimension count, each dimension big-endian, then {@code data}. */
    static byte[] idx(int type, int[] dimensions, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(type);
        out.writeByte(dimensions.length);
        for (int d : dimensions) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /** An unsigned-byte IDX file, gzip-compressed or not. */
    static Path write(Path file, int[] dimensions, byte[] data, boolean compressed) throws IOException {
        byte[] plain = idx(0x08, dimensions, data);
        Files.write(file, compressed ? gzip(plain) : plain);
        return file;
    }

    /** {@code count} values 0, 1, 2, … wrapping at 256, as bytes. */
    static byte[] counting(int count, int start) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (start + i);
        }
        return data;
    }
}
