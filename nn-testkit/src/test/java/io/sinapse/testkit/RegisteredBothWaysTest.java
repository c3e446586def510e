package io.sinapse.testkit;

import io.sinapse.api.Activation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.sinapse.testkit.ScratchPlugins.assertFailsSaying;

/** {@link PluginChecks#registeredBothWays} passes a module registered both ways and names what each mistake lacks. */
class RegisteredBothWaysTest {

    private static final String SERVICES = "META-INF/services/io.sinapse.api.Activation";

    @TempDir
    Path temp;

    /** Module scratch.cube with the activation scratch.cube.Cube, in provides and the services file as asked. */
    private Class<?> cube(boolean provides, boolean servicesFile) {
        Map<String, String> files = new HashMap<>();
        files.put("module-info.java", "module scratch.cube {\n"
                + "    requires io.sinapse.api;\n"
                + "    exports scratch.cube;\n"
                + (provides ? "    provides io.sinapse.api.Activation with scratch.cube.Cube;\n" : "")
                + "}\n");
        files.put("scratch/cube/Cube.java", ScratchPlugins.cube("scratch.cube", "Cube", "public Cube() { }"));
        if (servicesFile) {
            files.put(SERVICES, "# the cube\nscratch.cube.Cube\n");
        }
        ModuleLayer layer = ScratchPlugins.layer(ScratchPlugins.compile(temp, files), "scratch.cube");
        return ScratchPlugins.newActivation(layer.findLoader("scratch.cube"), "scratch.cube.Cube").getClass();
    }

    @Test
    void aModuleRegisteredBothWaysPasses() {
        PluginChecks.registeredBothWays(Activation.class, cube(true, true));
    }

    @Test
    void aMissingProvidesIsNamed() {
        assertFailsSaying(AssertionError.class,
                () -> PluginChecks.registeredBothWays(Activation.class, cube(false, true)),
                "module scratch.cube", "[scratch.cube.Cube]", "'provides io.sinapse.api.Activation with []'");
    }

    @Test
    void aMissingServicesFileIsNamed() {
        assertFailsSaying(AssertionError.class,
                () -> PluginChecks.registeredBothWays(Activation.class, cube(true, false)),
                "module scratch.cube has no " + SERVICES);
    }
}
