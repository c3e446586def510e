package io.sinapse.app;

import io.sinapse.api.Activation;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds small plug-in jars during a test: compiles a module with javax.tools and jars it with java.util.jar. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * A modular jar {@code folder/<jarName>} whose module {@code moduleName} provides one element-wise activation
     * named {@code activationName}, with {@code body} as the body of its {@code apply} method ({@code z} in scope).
     */
    static Path activation(Path folder, String jarName, String moduleName, String activationName, String body)
            throws IOException {
        return activation(folder, jarName, moduleName, activationName, body, "");
    }

    /** As above, with {@code constructorBody} run by the provider's constructor (e.g. to make it throw). */
    static Path activation(Path folder, String jarName, String moduleName, String activationName, String body,
                           String constructorBody) throws IOException {
        return activation(folder, jarName, moduleName, activationName, body, constructorBody, apiLocation());
    }

    /**
     * As {@link #activation(Path, String, String, String, String)}, compiled against nn-api {@code apiVersion}: the
     * sources of nn-api compiled with that module version, which javac then records in the plug-in's module.
     */
    static Path activationBuiltAgainst(Path folder, String jarName, String moduleName, String activationName,
                                       String apiVersion) throws IOException {
        Path api = Files.createTempDirectory(folder, "api");
        compile(javaFiles(Path.of("../nn-api/src/main/java")), api, List.of("--module-version", apiVersion));
        return activation(folder, jarName, moduleName, activationName, "return z;", "", api);
    }

    private static Path activation(Path folder, String jarName, String moduleName, String activationName,
                                   String body, String constructorBody, Path api) throws IOException {
        Path work = Files.createTempDirectory(folder, "src");
        String pkg = moduleName;
        String className = "PluginActivation";
        Path sources = work.resolve("src");
        Path pkgDir = sources.resolve(pkg.replace('.', '/'));
        Files.createDirectories(pkgDir);
        Files.writeString(sources.resolve("module-info.java"), "module " + moduleName + " {\n"
                + "    requires io.sinapse.api;\n"
                + "    provides io.sinapse.api.Activation with " + pkg + "." + className + ";\n"
                + "}\n");
        Files.writeString(pkgDir.resolve(className + ".java"), "package " + pkg + ";\n"
                + "public final class " + className + " extends io.sinapse.api.ElementwiseActivation {\n"
                + "    public " + className + "() { " + constructorBody + " }\n"
                + "    @Override public String name() { return \"" + activationName + "\"; }\n"
                + "    @Override public double apply(double z) { " + body + " }\n"
                + "    @Override public double derivative(double z, double out) {\n"
                + "        double h = 1e-6; return (apply(z + h) - apply(z - h)) / (2 * h);\n"
                + "    }\n"
                + "}\n");
        Path classes = work.resolve("classes");
        compile(javaFiles(sources), classes, List.of("--module-path", api.toString()));
        return jar(classes, folder.resolve(jarName));
    }

    /** A file named like a jar that is not a zip at all. */
    static Path corrupt(Path folder, String jarName) throws IOException {
        return Files.writeString(folder.resolve(jarName), "this is not a zip file", StandardCharsets.UTF_8);
    }

    private static List<String> javaFiles(Path sources) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
    }

    private static void compile(List<String> files, Path classes, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("These tests need a JDK (javax.tools found no compiler)");
        }
        StringWriter diagnostics = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        args.addAll(options);
        args.addAll(files);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int status = javac.run(null, sink, new WriterStream(diagnostics), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("The test plug-in did not compile:\n" + diagnostics + sink);
        }
    }

    /** Where the io.sinapse.api module was loaded from: the jar (or folder) to compile plug-ins against. */
    static Path apiLocation() {
        URI location = Activation.class.getModule().getLayer().configuration()
                .findModule("io.sinapse.api").orElseThrow()
                .reference().location().orElseThrow();
        return Path.of(location);
    }

    /** A copy of the io.sinapse.api module as a jar in {@code folder}, the way a careless copy-dependencies puts it. */
    static Path apiCopy(Path folder) throws IOException {
        Path api = apiLocation();
        Path copy = folder.resolve("nn-api.jar");
        return Files.isDirectory(api) ? jar(api, copy) : Files.copy(api, copy);
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** An OutputStream over a Writer, for javac's error stream. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;

        WriterStream(StringWriter writer) {
            this.writer = new PrintWriter(writer, true);
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }
    }
}
