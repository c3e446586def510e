package io.sinapse.persistence;

import static io.sinapse.persistence.Fixtures.PLUGINS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose activation, loss or optimizer comes from a plug-in the loading lookup lacks is refused with a
 * message naming the file, the missing provider and the --plugin-path option. An empty module layer stands for
 * an application started without the plug-in's jar.
 */
class MissingPluginTest {

    @TempDir
    Path dir;

    private final Plugins withoutPlugins = Plugins.load(ModuleLayer.empty());

    private ModelFormatException loadWithoutPlugins(Path file) {
        return assertThrows(ModelFormatException.class, () -> ModelFile.load(file, withoutPlugins),
                "loading " + file + " with no plug-ins at all");
    }

    @Test
    void aMissingActivationNamesTheProviderTheLayerAndThePluginPath() throws IOException {
        Path file = dir.resolve("relu.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("leaky_relu(alpha=0.02)"), Task.REGRESSION).build());

        ModelFormatException e = loadWithoutPlugins(file);

        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), "names the file: " + message);
        assertTrue(message.contains("activation 'leaky_relu(alpha=0.02)'"), "names the provider: " + message);
        assertTrue(message.contains("layers[1]"), "says where the file needs it: " + message);
        assertTrue(message.contains("--plugin-path"), "says how to fix it: " + message);
        assertInstanceOf(PluginException.class, e.getCause(), "keeps the lookup's error as the cause");
    }

    @Test
    void aMissingLossOrOptimizerIsReportedToo() throws IOException {
        Path file = dir.resolve("trained.sinapse");
        ModelFile.save(file, Fixtures.trained().model());

        String message = loadWithoutPlugins(file).getMessage();

        assertTrue(message.contains("loss 'mse'") || message.contains("optimizer 'adam"),
                "names the missing loss or optimizer: " + message);
        assertTrue(message.contains("--plugin-path"), "says how to fix it: " + message);
    }

    @Test
    void theSameFileLoadsWhenThePluginsArePresent() throws IOException {
        Path file = dir.resolve("present.sinapse");
        ModelFile.save(file, Model.builder(Fixtures.network("leaky_relu(alpha=0.02)"), Task.REGRESSION).build());
        assertEquals(5, ModelFile.load(file, PLUGINS).network().layers().size(), "all layers once the lookup has them");
    }
}
