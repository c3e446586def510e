package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A save that fails half-way leaves the previous file exactly as it was and no temporary file behind. */
class AtomicSaveTest {

    @TempDir
    Path dir;

    /** Passes {@code limit} bytes through, then fails the way a full disk does. */
    private static final class FullDisk extends FilterOutputStream {
        private final IOException failure = new IOException("No space left on device (simulated)");
        private long left;

        FullDisk(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw failure;
            }
            out.write(b, off, len);
            left -= len;
        }
    }

    private List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest(name = "after {0} bytes")
    @ValueSource(longs = {0, 1, 100, 1000})
    void aFailureMidWriteKeepsThePreviousFile(long limit) throws IOException {
        Path file = dir.resolve("model.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("relu"), Task.REGRESSION).build());
        byte[] before = Files.readAllBytes(file);
        Model bigger = Fixtures.trained().model();
        FullDisk[] stream = new FullDisk[1];

        IOException e = assertThrows(IOException.class, () -> ModelFile.save(file, bigger, null,
                out -> stream[0] = new FullDisk(out, limit)));

        assertSame(stream[0].failure, e, "the disk's own error reaches the caller");
        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is unchanged");
        assertEquals(List.of(file), filesIn(dir), "no temporary file is left behind");
        ModelFile.load(file, PLUGINS); // and it still loads
    }

    @Test
    void aFailureOnTheVeryLastByteKeepsThePreviousFile() throws IOException {
        Model bigger = Fixtures.trained().model();
        Path reference = Files.createTempDirectory(dir, "reference").resolve("full.sinapse");
        ModelFile.save(reference, bigger);
        long size = Files.size(reference);
        Path sub = reference.getParent();
        Files.delete(reference);
        Path file = sub.resolve("model.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("relu"), Task.REGRESSION).build());
        byte[] before = Files.readAllBytes(file);

        assertThrows(IOException.class, () -> ModelFile.save(file, bigger, null, out -> new FullDisk(out, size - 1)));

        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is unchanged");
        assertEquals(List.of(file), filesIn(sub), "no temporary file is left behind");
    }

    @Test
    void aFailureWhileSavingANewFileCreatesNothing() throws IOException {
        Path file = dir.resolve("new.sinapse");
        assertThrows(IOException.class, () -> ModelFile.save(file, Fixtures.trained().model(), null,
                out -> new FullDisk(out, 300)));
        assertTrue(Files.notExists(file), "no half-written model");
        assertEquals(List.of(), filesIn(dir), "no temporary file");
    }

    @Test
    void anUnexpectedExceptionMidWriteAlsoCleansUp() throws IOException {
        Path file = dir.resolve("model.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("tanh"), Task.REGRESSION).build());
        byte[] before = Files.readAllBytes(file);
        RuntimeException bug = new IllegalStateException("a bug in a stream wrapper");
        RuntimeException e = assertThrows(RuntimeException.class, () -> ModelFile.save(file,
                Fixtures.trained().model(), null, out -> new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) {
                        throw bug;
                    }
                }));
        assertSame(bug, e, "the original exception propagates");
        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is unchanged");
        assertEquals(List.of(file), filesIn(dir), "no temporary file is left behind");
    }

    @Test
    void aSuccessfulSaveLeavesOnlyTheModel() throws IOException {
        Path file = dir.resolve("model.sinapse");
        ModelFile.save(file, Fixtures.trained().model());
        ModelFile.save(file, Fixtures.trained().model());
        assertEquals(List.of(file), filesIn(dir), "only the model file");
    }
}
