package io.sinapse.testkit;

import static io.sinapse.testkit.ScratchPlugins.assertFailsSaying;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinapse.api.Activation;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider the lookup cannot create (no public no-argument constructor, or one that throws) fails the contract's
 * registration test with a message naming the class and the fix. The author's own test can still build it with
 * another constructor, so the math checks alone would not notice: the registration test must. Plug-ins are compiled
 * from text while the test runs (see {@link ScratchPlugins}).
 */
class UninstantiableProvidersAreCaughtTest {

    private static final String SERVICES = "META-INF/services/io.sinapse.api.Activation";

    @TempDir
    Path temp;

    @Test
    void javacRefusesProvidesForAClassWithoutAPublicNoArgConstructor() {
        ScratchPlugins.Compilation compilation = ScratchPlugins.tryCompile(temp, Map.of(
                "module-info.java", module("scratch.scaled", "scratch.scaled.Cube"),
                "scratch/scaled/Cube.java", ScratchPlugins.cube("scratch.scaled", "Cube",
                        "public Cube(double scale) { }")));
        assertFalse(compilation.compiled(), "javac compiled provides for a class without a no-arg constructor");
        assertTrue(compilation.diagnostics().contains(
                "compiler.err.service.implementation.doesnt.have.a.no.args.constructor"), compilation.diagnostics());
    }

    @Test
    void classPathProviderWithOnlyAConstructorTakingArgumentsFailsNamingTheConstructor() throws IOException {
        try (URLClassLoader loader = classPath("public Cube(double scale) { }")) {
            ActivationContract contract = RegistrationMistakesAreCaughtTest.contract(
                    ScratchPlugins.newActivation(loader, "scratch.cp.Cube", 2.0), Plugins.load());
            ScratchPlugins.withContextClassLoader(loader, () -> assertFailsSaying(PluginException.class,
                    contract::isDiscoverableByName, "activation provider",
                    "scratch.cp.Cube Unable to get public no-arg constructor"));
        }
    }

    @Test
    void classPathSingletonWithAPrivateConstructorFailsNamingTheConstructor() throws IOException {
        try (URLClassLoader loader = classPath("public static final Cube INSTANCE = new Cube(); private Cube() { }")) {
            Activation instance;
            try {
                instance = (Activation) Class.forName("scratch.cp.Cube", true, loader).getField("INSTANCE").get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            ActivationContract contract = RegistrationMistakesAreCaughtTest.contract(instance, Plugins.load());
            ScratchPlugins.withContextClassLoader(loader, () -> assertFailsSaying(PluginException.class,
                    contract::isDiscoverableByName, "scratch.cp.Cube Unable to get public no-arg constructor"));
        }
    }

    @Test
    void moduleProviderWhoseConstructorThrowsFailsNamingTheClassTheCauseAndTheFix() {
        Path classes = ScratchPlugins.compile(temp, Map.of(
                "module-info.java", module("scratch.throwing", "scratch.throwing.Cube"),
                "scratch/throwing/Cube.java", ScratchPlugins.cube("scratch.throwing", "Cube",
                        "public Cube() { this(System.getProperty(\"scratch.cube.scale.that.is.not.set\")); }\n"
                                + "    public Cube(String scale) {\n"
                                + "        if (scale == null) throw new IllegalStateException(\"no scale set\");\n"
                                + "    }")));
        ModuleLayer layer = ScratchPlugins.layer(classes, "scratch.throwing");
        ActivationContract contract = RegistrationMistakesAreCaughtTest.contract(ScratchPlugins.newActivation(
                layer.findLoader("scratch.throwing"), "scratch.throwing.Cube", "1"), Plugins.load(layer));
        assertFailsSaying(PluginException.class, contract::isDiscoverableByName,
                "Cannot create the activation provider scratch.throwing.Cube",
                "java.lang.IllegalStateException: no scale set",
                "A provider needs a public no-argument constructor (or a public static provider() method) that does"
                        + " not throw");
    }

    @Test
    void moduleWhoseClassLostItsNoArgConstructorAfterModuleInfoWasCompiledFails() throws IOException {
        // javac checks provides against the class it compiles with; a module assembled from two builds escapes that.
        Path classes = ScratchPlugins.compile(temp.resolve("first"), Map.of(
                "module-info.java", module("scratch.stale", "scratch.stale.Cube"),
                "scratch/stale/Cube.java", ScratchPlugins.cube("scratch.stale", "Cube", "public Cube() { }")));
        Path rebuilt = ScratchPlugins.compile(temp.resolve("second"), Map.of(
                "module-info.java", "module scratch.stale { requires io.sinapse.api; exports scratch.stale; }\n",
                "scratch/stale/Cube.java", ScratchPlugins.cube("scratch.stale", "Cube",
                        "public Cube(double scale) { }")));
        Path cube = Path.of("scratch", "stale", "Cube.class");
        Files.copy(rebuilt.resolve(cube), classes.resolve(cube), StandardCopyOption.REPLACE_EXISTING);

        ModuleLayer layer = ScratchPlugins.layer(classes, "scratch.stale");
        ActivationContract contract = RegistrationMistakesAreCaughtTest.contract(ScratchPlugins.newActivation(
                layer.findLoader("scratch.stale"), "scratch.stale.Cube", 2.0), Plugins.load(layer));
        assertFailsSaying(PluginException.class, contract::isDiscoverableByName,
                "activation provider", "scratch.stale.Cube Unable to get public no-arg constructor");
    }

    @Test
    void moduleProviderWithAPublicStaticProviderMethodInsteadOfAConstructorIsFound() {
        // What the message above offers as the other fix: ServiceLoader calls provider() when a module has one.
        Path classes = ScratchPlugins.compile(temp, Map.of(
                "module-info.java", module("scratch.factory", "scratch.factory.Cube"),
                "scratch/factory/Cube.java", ScratchPlugins.cube("scratch.factory", "Cube",
                        "private static final Cube INSTANCE = new Cube();\n"
                                + "    private Cube() { }\n"
                                + "    public static Cube provider() { return INSTANCE; }")));
        ModuleLayer layer = ScratchPlugins.layer(classes, "scratch.factory");
        Activation instance;
        try {
            instance = (Activation) Class.forName("scratch.factory.Cube", true, layer.findLoader("scratch.factory"))
                    .getMethod("provider").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        ActivationContract contract = RegistrationMistakesAreCaughtTest.contract(instance, Plugins.load(layer));
        contract.isDiscoverableByName();
        contract.specRoundTripsThroughTheLookup();
    }

    private static String module(String name, String provider) {
        return "module " + name + " {\n"
                + "    requires io.sinapse.api;\n"
                + "    exports " + name + ";\n"
                + "    provides io.sinapse.api.Activation with " + provider + ";\n"
                + "}\n";
    }

    /** A class-path folder with activation {@code scratch.cp.Cube}, with {@code constructors}, in a services file. */
    private URLClassLoader classPath(String constructors) {
        return ScratchPlugins.classPath(ScratchPlugins.compile(temp, Map.of(
                "scratch/cp/Cube.java", ScratchPlugins.cube("scratch.cp", "Cube", constructors),
                SERVICES, "scratch.cp.Cube\n")));
    }
}
