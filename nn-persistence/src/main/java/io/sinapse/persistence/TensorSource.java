package io.sinapse.persistence;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the tensors a manifest refers to, trusting nothing: the shape must be the one the model needs, the entry
 * must exist, be stored uncompressed and hold exactly that many bytes, and its CRC32 and SHA-256 must match.
 * Every allocation is bounded by the file's real length, so a forged size cannot exhaust memory.
 */
final class TensorSource {

    /** The most bytes one tensor entry may hold: what one Java byte array can (512 M floats). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final ZipFile zip;
    private final Set<String> used = new HashSet<>();
    /** Bytes the tensors may still claim: stored entries cannot together exceed the file holding them. */
    private long budget;

    TensorSource(ZipFile zip, long fileLength) {
        this.zip = zip;
        this.budget = fileLength;
    }

    /** The values of the tensor {@code ref} (found at {@code where}), which must have shape {@code expected}. */
    float[] read(JsonNode ref, String where, int... expected) throws ModelFormatException {
        if (ref == null || !ref.isObject()) {
            throw new ModelFormatException(Format.MANIFEST + ": '" + where + "' must be a tensor reference"
                    + " {entry, shape, sha256}");
        }
        String name = Json.text(ref, "entry", where);
        int[] shape = shape(Json.array(ref, "shape", where), where);
        String sha256 = Json.text(ref, "sha256", where);
        if (!Arrays.equals(shape, expected)) {
            throw new ModelFormatException("Tensor '" + where + "' has shape " + Arrays.toString(shape)
                    + " in " + Format.MANIFEST + ", but the model needs " + Arrays.toString(expected));
        }
        if (!used.add(name)) {
            throw new ModelFormatException("Entry '" + name + "' is referred to twice in " + Format.MANIFEST);
        }
        long length = byteLength(shape, where);
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException("Entry '" + name + "' (tensor '" + where + "') is missing");
        }
        if (entry.getMethod() != ZipEntry.STORED) {
            throw new ModelFormatException("Entry '" + name + "' is compressed; tensor entries must be stored"
                    + " uncompressed (zip -0)");
        }
        if (entry.getSize() != length || entry.getCompressedSize() != length) {
            throw new ModelFormatException("Entry '" + name + "' holds " + entry.getSize() + " bytes, but tensor '"
                    + where + "' of shape " + Arrays.toString(shape) + " needs " + length);
        }
        if (length > budget) {
            throw new ModelFormatException("Entry '" + name + "' claims " + length + " bytes, more than the file"
                    + " has left: the file is truncated or forged");
        }
        budget -= length;
        byte[] bytes = readExactly(entry, (int) length);
        if (Checksums.crc32(bytes) != entry.getCrc()) {
            throw new ModelFormatException("Entry '" + name + "' is damaged: its CRC32 does not match the zip's");
        }
        if (!Checksums.sha256(bytes).equalsIgnoreCase(sha256)) {
            throw new ModelFormatException("Entry '" + name + "' does not match its SHA-256 checksum in "
                    + Format.MANIFEST + ": the tensor or the manifest was changed or damaged");
        }
        return LittleEndianFloats.decode(bytes);
    }

    private byte[] readExactly(ZipEntry entry, int length) throws ModelFormatException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new ModelFormatException("Entry '" + entry.getName() + "' ends after " + bytes.length
                        + " of its " + length + " bytes: the file is truncated");
            }
            return bytes;
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("Entry '" + entry.getName() + "' cannot be read, the file is damaged or"
                    + " truncated: " + e, e);
        }
    }

    /** The bytes a tensor of {@code shape} takes, refusing what one Java array cannot hold. */
    private static long byteLength(int[] shape, String where) throws ModelFormatException {
        long length = Float.BYTES;
        for (int dimension : shape) {
            length *= dimension;
            if (length > MAX_BYTES) {
                throw new ModelFormatException("Tensor '" + where + "' of shape " + Arrays.toString(shape)
                        + " is larger than the " + MAX_BYTES + " bytes one tensor may have");
            }
        }
        return length;
    }

    private static int[] shape(JsonNode dims, String where) throws ModelFormatException {
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = dims.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
                throw new ModelFormatException(Format.MANIFEST + ": '" + where + ".shape' must hold non-negative"
                        + " integers, got " + dims);
            }
            shape[i] = d.intValue();
        }
        return shape;
    }
}
