package io.sinapse.testkit;

import io.sinapse.api.Parameters;
import io.sinapse.api.Plugin;
import io.sinapse.api.Plugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What every plug-in owes the lookup: a proper name, registration, and a spec that recreates it. */
public final class PluginChecks {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private PluginChecks() {
    }

    /**
     * {@code plugin.spec()} recreates it: {@code withParameters(parameters())} keeps the parameters, and
     * {@code lookup.apply(spec())} gives an instance of the same class with equal {@link Plugin#parameters()} and
     * the same spec.
     *
     * @param lookup usually {@code spec -> Plugins.load().activation(spec)} (or loss, optimizer, regularizer)
     */
    public static <P extends Plugin<P>> void roundTrip(P plugin, Function<String, P> lookup) {
        String spec = plugin.spec();
        String who = Report.describe(plugin) + " (" + plugin.getClass().getName() + ")";
        Parameters parameters = plugin.parameters();

        P copy;
        try {
            copy = plugin.withParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(who + ": withParameters(" + parameters + ") rejected its own parameters: "
                    + e.getMessage(), e);
        }
        if (!parameters.equals(copy.parameters())) {
            throw new AssertionError(who + ": withParameters(" + parameters + ") gives an instance whose"
                    + " parameters() are (" + copy.parameters() + "). It must keep the values it is given.");
        }

        P again;
        try {
            again = lookup.apply(spec);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(who + ": the lookup cannot recreate it from its spec '" + spec + "': "
                    + e.getMessage(), e);
        }
        if (again.getClass() != plugin.getClass()) {
            throw new AssertionError(who + ": its spec '" + spec + "' gives an instance of "
                    + again.getClass().getName() + " from the lookup, not of " + plugin.getClass().getName() + ".");
        }
        if (!parameters.equals(again.parameters())) {
            throw new AssertionError(who + ": its spec '" + spec + "' gives, through the lookup, parameters ("
                    + again.parameters() + ") instead of (" + parameters + "). spec() must name every parameter"
                    + " with its value, and withParameters must keep them.");
        }
        if (!spec.equals(again.spec())) {
            throw new AssertionError(who + ": its spec '" + spec + "' gives, through the lookup, an instance"
                    + " whose spec is '" + again.spec() + "'.");
        }
    }

    /**
     * {@code plugins} knows {@code plugin} by its {@link Plugin#name()}, which is lower snake case, and gives an
     * instance of the same class for it.
     *
     * @param kind {@code Activation.class}, {@code Loss.class}, {@code Optimizer.class} or {@code Regularizer.class}
     */
    public static <P extends Plugin<P>> void discoverable(Class<P> kind, P plugin, Plugins plugins) {
        String name = plugin.name();
        String type = plugin.getClass().getName();
        String what = Plugins.kindName(kind) + " '" + name + "' (" + type + ")";
        if (name == null || !SNAKE_CASE.matcher(name).matches()) {
            throw new AssertionError(what + ": name() must be lower snake case, like 'leaky_relu'.");
        }
        if (!plugins.names(kind).contains(name)) {
            String known = plugins.names(kind).isEmpty() ? "none" : String.join(", ", plugins.names(kind));
            throw new AssertionError(what + " is not found by the lookup, which knows: " + known + ".\n  Register it in module-info.java with"
                    + " 'provides " + kind.getName() + " with " + type + ";' and, for class-path users, with the line"
                    + " '" + type + "' in META-INF/services/" + kind.getName()
                    + ". Its class needs a public no-argument constructor.");
        }
        P found = plugins.get(kind, name);
        if (found.getClass() != plugin.getClass()) {
            throw new AssertionError(what + ": the lookup gives " + found.getClass().getName() + " ("
                    + Plugins.origin(found) + ") for the name '" + name + "', another class.");
        }
    }

    /**
     * Every concrete {@code kind} class in the package of {@code anchor} is registered both ways: in module-info
     * ({@code provides kind with …}, for module-path users) and in {@code META-INF/services/<kind>} (for class-path
     * users), and neither names anything else. The tests must run on the module path, where the module is named.
     *
     * @param anchor any class of the plug-in module, e.g. one of the providers
     */
    public static void registeredBothWays(Class<?> kind, Class<?> anchor) {
        Module module = anchor.getModule();
        if (!module.isNamed()) {
            throw new AssertionError(anchor.getName() + " is not in a named module: run the tests on the module path"
                    + " (a module-info.java in src/main/java, and Surefire 3)");
        }
        Set<String> implementations = implementationsIn(kind, anchor);
        Set<String> provided = module.getDescriptor().provides().stream()
                .filter(p -> p.service().equals(kind.getName()))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        String resource = "META-INF/services/" + kind.getName();
        Set<String> listed = servicesFile(module, resource);
        if (!implementations.equals(provided)) {
            throw new AssertionError("module " + module.getName() + ": the " + kind.getSimpleName() + " classes "
                    + implementations + " and 'provides " + kind.getName() + " with " + provided
                    + "' in module-info.java differ");
        }
        if (!implementations.equals(listed)) {
            throw new AssertionError("module " + module.getName() + ": the " + kind.getSimpleName() + " classes "
                    + implementations + " and the lines of " + resource + " " + listed + " differ");
        }
    }

    /** The concrete classes implementing {@code kind} in {@code anchor}'s package, by name, sorted. */
    private static Set<String> implementationsIn(Class<?> kind, Class<?> anchor) {
        Module module = anchor.getModule();
        String folder = anchor.getPackageName().replace('.', '/') + "/";
        var reference = module.getLayer().configuration().findModule(module.getName()).orElseThrow().reference();
        try (ModuleReader reader = reference.open()) {
            Set<String> names = new TreeSet<>();
            for (String entry : (Iterable<String>) reader.list()::iterator) {
                String rest = entry.startsWith(folder) ? entry.substring(folder.length()) : "";
                if (!rest.endsWith(".class") || rest.contains("/") || rest.equals("module-info.class")) {
                    continue;
                }
                String name = anchor.getPackageName() + "." + rest.substring(0, rest.length() - ".class".length());
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (kind.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes of module " + module.getName(), e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("cannot load a class of module " + module.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> servicesFile(Module module, String resource) {
        try (InputStream in = module.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("module " + module.getName() + " has no " + resource
                        + ": class-path users would find none of its providers");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
