package io.sinapse.testkit;

import static io.sinapse.testkit.ScratchPlugins.assertFailsSaying;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Activation;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correct activation registered wrongly fails the contract's registration tests, with a message that says what to
 * add or fix. Each plug-in is compiled from text while the test runs (see {@link ScratchPlugins}) and loaded as a
 * module into a child layer, the way {@code nn --plugin-path} loads jars, or from a class-path folder; each mistake
 * comes with the correct variant passing, so the failure is the mistake's and not the setup's.
 */
class RegistrationMistakesAreCaughtTest {

    private static final String SERVICES = "META-INF/services/io.sinapse.api.Activation";

    @TempDir
    Path temp;

    // ---- module path: module-info's provides is what counts ----

    @Test
    void moduleThatProvidesTheActivationPassesTheRegistrationTests() {
        ActivationContract contract = moduleContract(true);
        contract.isDiscoverableByName();
        contract.specRoundTripsThroughTheLookup();
    }

    @Test
    void moduleWithoutProvidesIsNotFoundEvenWithAServicesFile() {
        ActivationContract contract = moduleContract(false);
        assertFailsSaying(AssertionError.class, contract::isDiscoverableByName,
                "activation 'cube' (scratch.cube.Cube) is not found by the lookup",
                "Register it in module-info.java with 'provides io.sinapse.api.Activation with scratch.cube.Cube;'");
        assertFailsSaying(AssertionError.class, contract::specRoundTripsThroughTheLookup,
                "the lookup cannot recreate it from its spec 'cube'", "Unknown activation 'cube'");
    }

    @Test
    void javacRefusesProvidesNamingAClassThatIsNotAnActivation() {
        ScratchPlugins.Compilation compilation = ScratchPlugins.tryCompile(temp, Map.of(
                "module-info.java", "module scratch.helper {\n"
                        + "    requires io.sinapse.api;\n"
                        + "    provides io.sinapse.api.Activation with scratch.helper.CubeHelper;\n"
                        + "}\n",
                "scratch/helper/CubeHelper.java", "package scratch.helper;\n"
                        + "public final class CubeHelper { }\n"));
        assertFalse(compilation.compiled(), "javac compiled a provides clause naming a class that is no Activation");
        assertTrue(compilation.diagnostics().contains("compiler.err.service.implementation.must.be.subtype.of"
                + ".service.interface"), compilation.diagnostics());
    }

    // ---- class path: META-INF/services is what counts ----

    @Test
    void classPathFolderWithAServicesFilePassesTheRegistrationTests() throws IOException {
        try (URLClassLoader loader = classPath(Map.of(SERVICES, "scratch.cp.Cube\n"))) {
            ActivationContract contract = classPathContract(loader);
            ScratchPlugins.withContextClassLoader(loader, () -> {
                contract.isDiscoverableByName();
                contract.specRoundTripsThroughTheLookup();
            });
        }
    }

    @Test
    void classPathFolderWithoutAServicesFileIsNotFound() throws IOException {
        try (URLClassLoader loader = classPath(Map.of())) {
            ActivationContract contract = classPathContract(loader);
            ScratchPlugins.withContextClassLoader(loader, () -> assertFailsSaying(AssertionError.class,
                    contract::isDiscoverableByName,
                    "activation 'cube' (scratch.cp.Cube) is not found by the lookup",
                    "with the line 'scratch.cp.Cube' in META-INF/services/io.sinapse.api.Activation"));
        }
    }

    @Test
    void servicesFileNamingAClassThatIsNotAnActivationFailsNamingTheClassAndTheFile() throws IOException {
        try (URLClassLoader loader = classPath(Map.of(SERVICES, "scratch.cp.Cube\nscratch.cp.CubeHelper\n",
                "scratch/cp/CubeHelper.java", "package scratch.cp;\npublic final class CubeHelper { }\n"))) {
            ActivationContract contract = classPathContract(loader);
            ScratchPlugins.withContextClassLoader(loader, () -> assertFailsSaying(PluginException.class,
                    contract::isDiscoverableByName,
                    "provider is registered wrongly", "scratch.cp.CubeHelper not a subtype",
                    "META-INF/services/io.sinapse.api.Activation file"));
        }
    }

    @Test
    void servicesFileNamingAClassThatDoesNotExistFailsNamingIt() throws IOException {
        try (URLClassLoader loader = classPath(Map.of(SERVICES, "scratch.cp.Cub\n"))) {
            ActivationContract contract = classPathContract(loader);
            ScratchPlugins.withContextClassLoader(loader, () -> assertFailsSaying(PluginException.class,
                    contract::isDiscoverableByName,
                    "provider is registered wrongly", "Provider scratch.cp.Cub not found",
                    "META-INF/services/io.sinapse.api.Activation file"));
        }
    }

    // ---- the plug-ins ----

    /**
     * The contract for module {@code scratch.cube}, whose correct activation {@code scratch.cube.Cube} is listed in
     * its services file, and in module-info's provides only if {@code provides}.
     */
    private ActivationContract moduleContract(boolean provides) {
        Path classes = ScratchPlugins.compile(temp, Map.of(
                "module-info.java", "module scratch.cube {\n"
                        + "    requires io.sinapse.api;\n"
                        + "    exports scratch.cube;\n"
                        + (provides ? "    provides io.sinapse.api.Activation with scratch.cube.Cube;\n" : "")
                        + "}\n",
                "scratch/cube/Cube.java", ScratchPlugins.cube("scratch.cube", "Cube", "public Cube() { }"),
                SERVICES, "scratch.cube.Cube\n"));
        ModuleLayer layer = ScratchPlugins.layer(classes, "scratch.cube");
        Activation cube = ScratchPlugins.newActivation(layer.findLoader("scratch.cube"), "scratch.cube.Cube");
        return contract(cube, Plugins.load(layer));
    }

    /** A class-path folder with the correct activation {@code scratch.cp.Cube} and {@code more} files. */
    private URLClassLoader classPath(Map<String, String> more) {
        Map<String, String> files = new HashMap<>(more);
        files.put("scratch/cp/Cube.java", ScratchPlugins.cube("scratch.cp", "Cube", "public Cube() { }"));
        return ScratchPlugins.classPath(ScratchPlugins.compile(temp, files));
    }

    /** The contract for {@code scratch.cp.Cube} from {@code loader}, asking {@code Plugins.load()} as authors do. */
    private static ActivationContract classPathContract(ClassLoader loader) {
        return contract(ScratchPlugins.newActivation(loader, "scratch.cp.Cube"), Plugins.load());
    }

    static ActivationContract contract(Activation activation, Plugins plugins) {
        return new ActivationContract() {
            @Override
            public Activation activation() {
                return activation;
            }

            @Override
            public Plugins plugins() {
                return plugins;
            }
        };
    }
}
