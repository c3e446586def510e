package io.sinapse.persistence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** The two checksums of the format: SHA-256 of each tensor in the manifest, CRC32 of each entry in the zip. */
final class Checksums {

    private Checksums() {
    }

    /** Lower-case hex SHA-256, as the manifest stores it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this cannot happen.
            throw new IllegalStateException(e);
        }
    }

    static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
