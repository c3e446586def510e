package io.sinapse.persistence;

import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Saves and loads models in the Sinapse model format ({@code docs/model-format.md}): a zip holding a JSON
 * manifest, {@code model.json}, and one little-endian float32 entry per tensor, each with its SHA-256 in the
 * manifest. Small models can be read with {@code unzip -p model.sinapse model.json}.
 *
 * <pre>{@code
 * ModelFile.save(Path.of("xor.sinapse"), Model.builder(network, Task.CLASSIFICATION).build());
 * Model model = ModelFile.load(Path.of("xor.sinapse"));
 * float[] out = model.network().predict(0f, 1f);
 * }</pre>
 *
 * <p>Saving replaces the file atomically: until the new content is complete and on the disk, the previous file
 * stays as it was. Loading checks everything and fails with {@link ModelFormatException}, naming the file and the
 * problem; the loaded network predicts bit for bit what the saved one did.
 */
public final class ModelFile {

    /** The format version this library writes, and the newest it reads. */
    public static final int FORMAT_VERSION = Format.VERSION;

    private static final String VERSION = readVersion();

    private ModelFile() {
    }

    /** Saves {@code model} to {@code file}, replacing it atomically. */
    public static void save(Path file, Model model) throws IOException {
        save(file, model, null, UnaryOperator.identity());
    }

    /**
     * Saves {@code model} together with what {@code optimizer} remembers for each of its tensors (state and step
     * count), so that training can resume from the file. The file records {@code optimizer.spec()} as the model's
     * optimizer. Tensors holding state of another size (none yet, or another optimizer's) are reset first, as the
     * trainer would on its next step.
     */
    public static void saveCheckpoint(Path file, Model model, Optimizer optimizer) throws IOException {
        save(file, model, optimizer, UnaryOperator.identity());
    }

    /** As the public saves; {@code decorator} wraps the stream to the disk, so tests can make it fail. */
    static void save(Path file, Model model, Optimizer optimizer, UnaryOperator<OutputStream> decorator)
            throws IOException {
        AtomicFile.write(file, decorator, new ModelWriter(model, optimizer).encode());
    }

    /** Loads the model in {@code file}, finding its activations, loss and optimizer with {@link Plugins#load()}. */
    public static Model load(Path file) throws IOException {
        return load(file, Plugins.load());
    }

    /**
     * Loads the model in {@code file}, finding its activations, loss and optimizer in {@code plugins} (e.g. a
     * lookup over a module layer of plug-in jars). If the file holds optimizer state, the network's tensors carry
     * it, ready to resume training.
     *
     * @throws ModelFormatException the file is not a valid model, or needs a plug-in {@code plugins} lacks
     * @throws IOException          the file cannot be read at all
     */
    public static Model load(Path file, Plugins plugins) throws IOException {
        return new ModelReader(file, plugins).read();
    }

    /** The version of this library, which every saved file records, e.g. {@code 0.1.0}. */
    public static String libraryVersion() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = ModelFile.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
