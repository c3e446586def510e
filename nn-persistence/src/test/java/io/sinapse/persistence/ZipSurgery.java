package io.sinapse.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Takes a model file apart and puts it back together as a valid zip (fresh CRCs), so a test can forge exactly one
 * inconsistency — a manifest field, a tensor's bytes, a missing entry — that only the model reader can catch.
 */
final class ZipSurgery {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, byte[]> entries = new LinkedHashMap<>();

    static ZipSurgery open(Path file) throws IOException {
        ZipSurgery surgery = new ZipSurgery();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    surgery.entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return surgery;
    }

    ObjectNode manifest() throws IOException {
        return (ObjectNode) JSON.readTree(entries.get(Format.MANIFEST));
    }

    ZipSurgery manifest(ObjectNode manifest) throws IOException {
        entries.put(Format.MANIFEST, JSON.writeValueAsBytes(manifest));
        return this;
    }

    /** Writes the entries, in order, all stored uncompressed with correct CRCs. */
    void writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCompressedSize(e.getValue().length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }
}
