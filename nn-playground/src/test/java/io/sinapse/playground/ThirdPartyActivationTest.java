package io.sinapse.playground;

import io.sinapse.api.Activation;
import io.sinapse.api.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An activation from a module the playground has never heard of, loaded into a child module layer the way
 * {@code nn --plugin-path} loads plug-in jars, is offered on the page and trains.
 */
class ThirdPartyActivationTest {

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void aPluginsActivationIsListedAndTrainsXor() throws IOException {
        Plugins plugins = Plugins.load(pluginLayer());
        try (PlaygroundServer server = PlaygroundServer.builder().plugins(plugins).build().start()) {
            Client client = new Client(server);
            List<Map<String, Object>> activations =
                    (List<Map<String, Object>>) client.get("/api/options").json().get("activations");
            Map<String, Object> softsign = activations.stream().filter(a -> "softsign".equals(a.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("softsign in " + activations));
            assertEquals("module org.example.softsign", softsign.get("origin"));
            assertTrue(PlaygroundServerTest.names(activations).contains("tanh"), "the built-ins too");

            String session = client.session();
            try (Events events = client.events(session)) {
                Client.Reply started = client.post("/api/sessions/" + session + "/start",
                        PlaygroundServerTest.xor("\"activation\": \"softsign\", \"epochs\": 3000"));
                assertEquals(200, started.status(), started.body());
                assertEquals("2 → 4 softsign → 1 sigmoid", events.next("run", e -> true).get("network"));
                events.state("finished");
                assertEquals(1.0, events.last("frame").number("accuracy"), "XOR learned with softsign");
            }
        }
    }

    /** Compiles a module providing {@code softsign}, z / (1 + |z|), and defines it in a layer over ours. */
    private ModuleLayer pluginLayer() throws IOException {
        Path sources = temp.resolve("src");
        Path pkg = Files.createDirectories(sources.resolve("org/example/softsign"));
        Files.writeString(sources.resolve("module-info.java"), "module org.example.softsign {\n"
                + "    requires io.sinapse.api;\n"
                + "    provides io.sinapse.api.Activation with org.example.softsign.Softsign;\n}\n");
        Files.writeString(pkg.resolve("Softsign.java"), "package org.example.softsign;\n"
                + "public final class Softsign extends io.sinapse.api.ElementwiseActivation {\n"
                + "    @Override public String name() { return \"softsign\"; }\n"
                + "    @Override public double apply(double z) { return z / (1 + Math.abs(z)); }\n"
                + "    @Override public double derivative(double z, double out) {\n"
                + "        double d = 1 + Math.abs(z); return 1 / (d * d);\n    }\n}\n");
        Path classes = temp.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ModuleLayer ours = Activation.class.getModule().getLayer();
        Path api = Path.of(ours.configuration().findModule("io.sinapse.api").orElseThrow()
                .reference().location().orElseThrow());
        int status = javac.run(null, errors, errors, "--release", "17", "-d", classes.toString(),
                "--module-path", api.toString(), sources.resolve("module-info.java").toString(),
                pkg.resolve("Softsign.java").toString());
        assertEquals(0, status, "the test plug-in compiles: " + errors);
        Configuration configuration = ours.configuration()
                .resolveAndBind(ModuleFinder.of(classes), ModuleFinder.of(), Set.of("org.example.softsign"));
        return ours.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }
}
