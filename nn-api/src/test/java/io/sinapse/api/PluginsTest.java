package io.sinapse.api;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor.Version;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup's rules, on stand-in providers so each case (clash, broken constructor) can be staged. */
class PluginsTest {

    /** f(z) = scale·z: one parameter with a default and a range. */
    public static final class Scaled extends ElementwiseActivation {
        private final double scale;

        public Scaled() {
            this(1.0);
        }

        private Scaled(double scale) {
            if (scale <= 0) {
                throw new IllegalArgumentException("scale must be > 0, got " + Parameters.format(scale));
            }
            this.scale = scale;
        }

        @Override
        public String name() {
            return "scaled";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of("scale", scale);
        }

        @Override
        public Activation withParameters(Parameters values) {
            return new Scaled(values.get("scale"));
        }

        @Override
        public double apply(double z) {
            return scale * z;
        }

        @Override
        public double derivative(double z, double out) {
            return scale;
        }
    }

    /** Another class claiming the name "scaled". */
    public static final class Impostor extends ElementwiseActivation {
        @Override
        public String name() {
            return "scaled";
        }

        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double out) {
            return 1;
        }
    }

    public static final class Plain extends ElementwiseActivation {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double out) {
            return 1;
        }
    }

    private record Candidate(Class<? extends Activation> type, Supplier<Activation> factory)
            implements ServiceLoader.Provider<Activation> {
        @Override
        public Activation get() {
            return factory.get();
        }
    }

    private static Plugins activations(Candidate... candidates) {
        return new Plugins(kind -> kind == Activation.class ? Stream.of(candidates) : Stream.empty());
    }

    private static final Plugins TWO = activations(new Candidate(Scaled.class, Scaled::new),
            new Candidate(Plain.class, Plain::new));

    @Test
    void findsByNameWithDefaults() {
        Activation scaled = TWO.activation("scaled");
        assertEquals(1.0, scaled.parameters().get("scale"));
        assertEquals("scaled(scale=1)", scaled.spec());
        assertSame(scaled, TWO.activation(" scaled ( ) "), "no parameters given: the discovered instance");
    }

    @Test
    void configuresByKeyValue() {
        Activation scaled = TWO.activation("scaled(scale=2.5)");
        assertEquals(5.0, ((ElementwiseActivation) scaled).apply(2));
        assertEquals("scaled(scale=2.5)", scaled.spec());
        assertEquals(scaled.spec(), TWO.activation(scaled.spec()).spec(), "a spec asks for an equal provider");
    }

    @Test
    void unknownNameListsTheAvailableOnes() {
        PluginException e = assertThrows(PluginException.class, () -> TWO.activation("relux"));
        assertEquals("Unknown activation 'relux'. Available: plain, scaled. Plug-ins are loaded from --plugin-path.",
                e.getMessage());
    }

    @Test
    void unknownParameterListsTheAcceptedOnes() {
        PluginException e = assertThrows(PluginException.class, () -> TWO.activation("scaled(alpha=2)"));
        assertEquals("Unknown parameter 'alpha' for activation 'scaled'. Accepted (with defaults): scale=1.",
                e.getMessage());
        PluginException none = assertThrows(PluginException.class, () -> TWO.activation("plain(alpha=2)"));
        assertTrue(none.getMessage().endsWith("It takes no parameters."), none.getMessage());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("Parameter 'scale' of activation 'scaled' must be a number, got 'big'.",
                assertThrows(PluginException.class, () -> TWO.activation("scaled(scale=big)")).getMessage());
        assertEquals("Parameter 'scale' of activation 'scaled' must be a finite number, got 'NaN'.",
                assertThrows(PluginException.class, () -> TWO.activation("scaled(scale=NaN)")).getMessage());
        assertEquals("Bad parameters for activation 'scaled(scale=-1)': scale must be > 0, got -1",
                assertThrows(PluginException.class, () -> TWO.activation("scaled(scale=-1)")).getMessage());
        assertTrue(assertThrows(PluginException.class, () -> TWO.activation("scaled(scale)")).getMessage()
                .contains("write key=value"));
        assertTrue(assertThrows(PluginException.class, () -> TWO.activation("scaled(")).getMessage()
                .contains("Cannot read activation 'scaled('"));
    }

    @Test
    void twoProvidersWithOneNameAreRefusedNamingBoth() {
        Plugins clash = activations(new Candidate(Scaled.class, Scaled::new), new Candidate(Impostor.class, Impostor::new));
        PluginException e = assertThrows(PluginException.class, () -> clash.activation("plain"));
        assertTrue(e.getMessage().startsWith("Two activation providers are named 'scaled': "), e.getMessage());
        assertTrue(e.getMessage().contains(Scaled.class.getName()) && e.getMessage().contains(Impostor.class.getName()),
                e.getMessage());
    }

    @Test
    void aProviderThatCannotBeCreatedIsNamedWithTheFix() {
        Plugins broken = activations(new Candidate(Scaled.class, () -> {
            throw new ServiceConfigurationError("no public no-arg constructor", new NoSuchMethodException("<init>()"));
        }));
        PluginException e = assertThrows(PluginException.class, () -> broken.activation("scaled"));
        assertTrue(e.getMessage().contains(Scaled.class.getName())
                && e.getMessage().contains("public no-argument constructor"), e.getMessage());
    }

    @Test
    void listsEachKindSortedByName() {
        List<Activation> available = TWO.available(Activation.class);
        assertEquals(List.of("plain", "scaled"), available.stream().map(Plugin::name).toList());
        assertTrue(TWO.available(Loss.class).isEmpty());
        assertEquals("activation", Plugins.kindName(Activation.class));
    }

    @Test
    void findsProvidersInAModuleLayer() {
        // The empty layer has no providers: an unknown name, and the message still says where plug-ins come from.
        PluginException e = assertThrows(PluginException.class, () -> Plugins.load(ModuleLayer.empty()).loss("mse"));
        assertEquals("Unknown loss 'mse'. Available: none. Plug-ins are loaded from --plugin-path.", e.getMessage());
    }

    /** The version rule on its own: which nn-api a provider was built against, which one runs it. */
    @Test
    void aProviderBuiltAgainstALaterOrAnotherSeriesOfTheApiIsRefused() {
        String[][] cases = { // built against, running, why refused (empty: accepted)
                {"0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT", ""},
                {"0.1.0", "0.1.0-SNAPSHOT", ""},
                {"0.1.0-SNAPSHOT", "0.1.3", ""},
                {"0.1.2", "0.1.3", ""},
                {"0.1.4", "0.1.3", "it may call what this earlier nn-api lacks"},
                {"0.2.0", "0.1.3", "the interfaces may differ between nn-api 0.2.x and 0.1.x"},
                {"0.1.3", "0.2.0", "the interfaces may differ between nn-api 0.1.x and 0.2.x"},
                {"1.2", "1.5.1", ""},
                {"1.6", "1.5.1", "it may call what this earlier nn-api lacks"},
                {"1.9.9", "2.0.0", "the interfaces may differ between nn-api 1.x and 2.x"}};
        for (String[] c : cases) {
            String reason = Plugins.incompatibility(Optional.of(Version.parse(c[0])), Optional.of(Version.parse(c[1])));
            assertEquals(c[2].isEmpty() ? null : c[2], reason, "built against " + c[0] + ", running " + c[1]);
        }
        assertNull(Plugins.incompatibility(Optional.empty(), Optional.of(Version.parse("0.1.0"))), "not recorded");
        assertNull(Plugins.incompatibility(Optional.of(Version.parse("0.9")), Optional.empty()), "unversioned API");
    }

    @TempDir
    Path temp;

    /**
     * End to end, as {@code nn --plugin-path} loads a plug-in: a module compiled against nn-api 9.0.0 (this API's
     * sources compiled with that version) is refused with the versions in the message, before its constructor
     * runs; the same module compiled against this version loads.
     */
    @Test
    void aPluginModuleBuiltAgainstAnotherApiIsRefusedWhenLoaded() throws IOException {
        Module api = Plugins.class.getModule();
        Assumptions.assumeTrue(api.isNamed() && api.getDescriptor().version().isPresent(),
                "the check needs nn-api as a versioned module, as Maven builds it");
        String running = api.getDescriptor().version().get().toString();

        PluginException e = assertThrows(PluginException.class,
                () -> Plugins.load(pluginBuiltAgainst("9.0.0")).activation("softsign"));
        assertEquals("The activation provider org.example.softsign.Softsign (module org.example.softsign) was built"
                + " against nn-api 9.0.0, and this is nn-api " + running + ": the interfaces may differ between nn-api"
                + " 9.x and " + (running.startsWith("0.") ? "0." + running.split("\\.")[1] : running.split("\\.")[0])
                + ".x. Rebuild it against nn-api " + running + " (the version 'nn --version' shows), or run it with"
                + " the Sinapse it was built for.", e.getMessage());

        assertEquals("softsign", Plugins.load(pluginBuiltAgainst(running)).activation("softsign").name());
    }

    /** This API's sources compiled as version {@code version}, a plug-in compiled against them, in a layer over ours. */
    private ModuleLayer pluginBuiltAgainst(String version) throws IOException {
        Path root = Files.createDirectories(temp.resolve(version));
        List<String> apiSources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> apiSources.add(f.toString()));
        }
        Path apiClasses = root.resolve("api");
        compile(apiClasses, "--module-version", version, apiSources);

        Path sources = root.resolve("src");
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
        Path plugin = root.resolve("plugin");
        compile(plugin, "--module-path", apiClasses.toString(),
                List.of(sources.resolve("module-info.java").toString(), pkg.resolve("Softsign.java").toString()));

        ModuleLayer ours = Plugins.class.getModule().getLayer();
        Configuration configuration = ours.configuration()
                .resolveAndBind(ModuleFinder.of(plugin), ModuleFinder.of(), Set.of("org.example.softsign"));
        return ours.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    private static void compile(Path into, String option, String value, List<String> sources) {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", into.toString(), option, value));
        arguments.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, "compiles: " + errors);
    }
}
