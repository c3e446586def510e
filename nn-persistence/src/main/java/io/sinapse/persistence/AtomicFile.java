package io.sinapse.persistence;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Replaces a file all at once or not at all. The content goes to a temporary file in the same directory (so the
 * rename cannot cross file systems), is forced to the disk, and only then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. A failure before the rename — a full disk, an exception while
 * encoding — deletes the temporary file and leaves the previous file as it was; a crash leaves at worst a
 * {@code .<name>.<random>.tmp} beside it.
 */
final class AtomicFile {

    /** Writes the content; must not close the stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Replaces {@code target} with what {@code content} writes. {@code decorator} wraps the stream to the
     * temporary file, which lets tests inject a failure after some bytes; production passes the identity.
     */
    static void write(Path target, UnaryOperator<OutputStream> decorator, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = null;
        boolean moved = false;
        try {
            FileChannel channel = null;
            while (channel == null) {
                temp = directory.resolve("." + absolute.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
                try {
                    // CREATE_NEW with default permissions: the model ends up as readable as any file the user makes.
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    channel = null;
                }
            }
            try (FileChannel file = channel) {
                OutputStream out = new BufferedOutputStream(decorator.apply(new Unclosable(Channels.newOutputStream(file))),
                        1 << 16);
                content.writeTo(out);
                out.flush();
                file.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(directory);
        } finally {
            if (!moved && temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Makes the rename itself durable where the platform allows (POSIX); elsewhere the rename already is. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The original failure is the one to report; a stray temporary file is harmless.
        }
    }

    /** Keeps the channel open when a wrapper closes its stream, so it can still be forced. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
