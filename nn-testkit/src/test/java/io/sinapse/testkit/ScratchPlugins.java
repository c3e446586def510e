package io.sinapse.testkit;

import io.sinapse.api.Activation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/**
 * Small plug-ins written as text, compiled while a test runs and loaded from a temporary folder: the broken ones the
 * registration tests need never ship in a real module or jar.
 *
 * <p>Compiles with the {@code javac} found by {@link ToolProvider} (in {@code java.base}, so this module needs no
 * {@code requires java.compiler}) against the {@code io.sinapse.api} this test runs with. A modular plug-in is loaded
 * into a child {@link ModuleLayer}, as {@code nn --plugin-path} does; a class-path one through a
 * {@link URLClassLoader}.
 */
final class ScratchPlugins {

    private ScratchPlugins() {
    }

    /** What javac said, and whether it compiled. */
    record Compilation(boolean compiled, String diagnostics) {
    }

    /**
     * A public element-wise activation {@code cube} (f = z³, f' = 3z², correct), in class {@code pkg.className}, with
     * {@code constructors} as its constructors (e.g. {@code public Cube() { }}).
     */
    static String cube(String pkg, String className, String constructors) {
        return "package " + pkg + ";\n"
                + "public final class " + className + " extends io.sinapse.api.ElementwiseActivation {\n"
                + "    " + constructors + "\n"
                + "    @Override public String name() { return \"cube\"; }\n"
                + "    @Override public double apply(double z) { return z * z * z; }\n"
                + "    @Override public double derivative(double z, double out) { return 3 * z * z; }\n"
                + "}\n";
    }

    /**
     * Writes {@code files} (relative path → text) under {@code folder}: {@code .java} files into {@code src} and
     * compiles them into {@code classes}, every other file (a services file) straight into {@code classes}, as Maven
     * copies resources. A {@code module-info.java} among them makes {@code classes} an exploded module; without one
     * it is a class-path folder.
     *
     * @return the {@code classes} folder
     * @throws IllegalStateException with javac's messages when the sources do not compile
     */
    static Path compile(Path folder, Map<String, String> files) {
        Compilation compilation = tryCompile(folder, files);
        if (!compilation.compiled()) {
            throw new IllegalStateException("The scratch plug-in did not compile:\n" + compilation.diagnostics());
        }
        return folder.resolve("classes");
    }

    /** As {@link #compile}, but returns javac's verdict instead of throwing; diagnostics are raw keys. */
    static Compilation tryCompile(Path folder, Map<String, String> files) {
        try {
            Path sources = folder.resolve("src");
            Path classes = folder.resolve("classes");
            Files.createDirectories(classes);
            List<String> javaFiles = new ArrayList<>();
            boolean modular = false;
            for (Map.Entry<String, String> file : files.entrySet()) {
                boolean java = file.getKey().endsWith(".java");
                Path target = (java ? sources : classes).resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                if (java) {
                    javaFiles.add(target.toString());
                    modular |= file.getKey().equals("module-info.java");
                }
            }
            List<String> args = new ArrayList<>(List.of("--release", "17", "-XDrawDiagnostics",
                    "-d", classes.toString(), modular ? "--module-path" : "--class-path", apiLocation().toString()));
            args.addAll(javaFiles);
            return javac(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Compilation javac(List<String> args) {
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new IllegalStateException(
                "These tests compile small plug-ins and need a JDK with the jdk.compiler module; none was found."));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            status = javac.run(stream, stream, args.toArray(String[]::new));
        }
        return new Compilation(status == 0, out.toString(StandardCharsets.UTF_8));
    }

    /** The jar or folder {@code io.sinapse.api} was loaded from: what plug-ins compile against. */
    static Path apiLocation() {
        return Path.of(Activation.class.getModule().getLayer().configuration().findModule("io.sinapse.api")
                .orElseThrow().reference().location().orElseThrow());
    }

    /**
     * The exploded module in {@code classes}, resolved with its service bindings and defined with one class loader
     * in a child layer of the layer {@code io.sinapse.api} runs in.
     */
    static ModuleLayer layer(Path classes, String moduleName) {
        ModuleLayer parent = Activation.class.getModule().getLayer();
        Configuration configuration = parent.configuration()
                .resolveAndBind(ModuleFinder.of(classes), ModuleFinder.of(), Set.of(moduleName));
        return parent.defineModulesWithOneLoader(configuration, Activation.class.getClassLoader());
    }

    /** A class loader for the class-path folder {@code classes}, whose parent sees {@code io.sinapse.api}. */
    static URLClassLoader classPath(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Activation.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A new {@code className} from {@code loader}, through its public constructor taking {@code args}' types. */
    static Activation newActivation(ClassLoader loader, String className, Object... args) {
        try {
            Class<?>[] types = new Class<?>[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i] instanceof Double ? double.class : args[i].getClass();
            }
            return (Activation) Class.forName(className, true, loader).getConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + className + " for the test: " + e, e);
        }
    }

    /** Runs {@code body} with {@code loader} as the context class loader, the one {@code Plugins.load()} asks. */
    static void withContextClassLoader(ClassLoader loader, Runnable body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            body.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs {@code check}, expects a {@code type} (an {@link AssertionError} from a check, or the
     * {@link io.sinapse.api.PluginException} the lookup throws), and requires each fragment in its message.
     */
    static <T extends Throwable> String assertFailsSaying(Class<T> type, Executable check, String... fragments) {
        T error = Assertions.assertThrows(type, check,
                "the check passed, but the plug-in is registered wrongly and it should have failed");
        String message = error.getMessage();
        for (String fragment : fragments) {
            if (message == null || !message.contains(fragment)) {
                Assertions.fail("the check failed as it should, but its message lacks '" + fragment + "':\n"
                        + message);
            }
        }
        return message;
    }
}
