package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static io.sinapse.persistence.Fixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages a valid file at random — flipped bits, truncation, spliced and overwritten ranges — and checks that
 * loading either refuses it with {@link ModelFormatException} or, when the damage hit bytes nothing reads (zip
 * timestamps, say), gives back the very same model. No other exception, no error, no different model.
 */
class FuzzTest {

    private static final int ITERATIONS = 2_000;
    private static final long SEED = 20_240_601L;

    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedWithTheDocumentedExceptionOnly() throws IOException {
        Path validFile = dir.resolve("valid.sinapse");
        Fixtures.Trained trained = Fixtures.trained();
        ModelFile.saveCheckpoint(validFile, trained.model(), trained.trainer().optimizer());
        byte[] valid = Files.readAllBytes(validFile);
        float[] x = Fixtures.inputs(9, 8, 4);
        float[] expected = trained.model().network().predict(x, 8);

        SplittableRandom random = new SplittableRandom(SEED);
        int refused = 0;
        int unharmed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Damage damage = damage(valid, random);
            String how = damage.how();
            // A new file each time: on ext4, truncating and rewriting one file flushes it, 100× slower.
            Path file = dir.resolve("damaged-" + i + ".sinapse");
            Files.write(file, damage.bytes());
            try {
                Model model = ModelFile.load(file, PLUGINS);
                assertSameBits(expected, model.network().predict(x, 8),
                        "iteration " + i + " (" + how + ") loaded, so it must be the same model");
                unharmed++;
            } catch (ModelFormatException e) {
                assertTrue(e.getMessage().contains(file.toString()), "iteration " + i + " (" + how
                        + "): the message names the file: " + e.getMessage());
                refused++;
            } catch (Throwable t) {
                fail("iteration " + i + " (" + how + ") threw " + t + " instead of ModelFormatException", t);
            }
            Files.delete(file);
        }
        System.out.printf("Fuzz: %d damaged files, %d refused with ModelFormatException, %d unharmed%n",
                ITERATIONS, refused, unharmed);
        assertTrue(refused > ITERATIONS * 9 / 10, "most damage must be detected, but only " + refused + " of "
                + ITERATIONS + " files were refused");
    }

    /** A damaged copy of a file and what was done to it. */
    private record Damage(String how, byte[] bytes) {
    }

    /** One random kind of damage to a copy of {@code valid}. */
    private static Damage damage(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        int n = bytes.length;
        switch (random.nextInt(5)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    bytes[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                }
                return new Damage(flips + " flipped bits", bytes);
            }
            case 1 -> {
                int length = random.nextInt(n);
                return new Damage("truncated to " + length + " bytes", Arrays.copyOf(bytes, length));
            }
            case 2 -> {
                int length = 1 + random.nextInt(64);
                int from = random.nextInt(n - length);
                int to = random.nextInt(n - length);
                System.arraycopy(valid, from, bytes, to, length);
                return new Damage("copied " + length + " bytes from " + from + " over " + to, bytes);
            }
            case 3 -> {
                int length = 1 + random.nextInt(64);
                int from = random.nextInt(n - length);
                int at = random.nextInt(n + 1);
                byte[] spliced = new byte[n + length];
                System.arraycopy(bytes, 0, spliced, 0, at);
                System.arraycopy(valid, from, spliced, at, length);
                System.arraycopy(bytes, at, spliced, at + length, n - at);
                return new Damage("inserted " + length + " bytes from " + from + " at " + at, spliced);
            }
            default -> {
                int length = 1 + random.nextInt(32);
                int at = random.nextInt(n - length);
                byte fill = (byte) random.nextInt(256);
                Arrays.fill(bytes, at, at + length, fill);
                return new Damage("overwrote " + length + " bytes at " + at + " with " + fill, bytes);
            }
        }
    }
}
