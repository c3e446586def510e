package io.sinapse.app;

import io.sinapse.api.Plugin;
import io.sinapse.api.Plugins;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads plug-in jars from folders into a child {@link ModuleLayer} of the application's layer, so that their
 * providers can be asked for by name like the built-in ones.
 *
 * <p>All jars are first resolved together ({@link Configuration#resolveAndBind}, one class loader), so a plug-in
 * may require a helper jar next to it. If that fails, each jar is loaded on its own to isolate the bad ones: a jar
 * that cannot be read, resolved, defined or instantiated is reported with the reason and left out, and everything
 * else, the built-ins included, keeps working.
 */
public final class PluginLoader {

    /** A jar that was left out, and why. */
    public record Problem(Path jar, String reason) {
        public String message() {
            return "Plug-in jar " + jar + " was not loaded: " + reason;
        }
    }

    /**
     * The lookup over the built-ins and the loaded plug-ins.
     *
     * @param plugins  providers by name, built-ins and plug-ins together
     * @param jars     the jars whose modules were loaded
     * @param problems the jars that were left out
     */
    public record Result(Plugins plugins, List<Path> jars, List<Problem> problems) {
    }

    private PluginLoader() {
    }

    /** Just the built-in providers: the module path and the class path. */
    public static Result builtIns() {
        return new Result(Plugins.load(), List.of(), List.of());
    }

    /**
     * The built-ins plus the modular jars in {@code locations} (folders, whose {@code *.jar} files are taken in
     * name order, or jar files).
     *
     * @throws UsageException when a location does not exist
     */
    public static Result load(List<Path> locations) {
        ModuleLayer parent = applicationLayer();
        List<Problem> problems = new ArrayList<>();
        List<Path> jars = withoutModulesOf(parent, jarsIn(locations), problems);
        if (jars.isEmpty()) {
            return new Result(Plugins.load(), List.of(), List.copyOf(problems));
        }
        try {
            ModuleLayer layer = define(parent, jars);
            return new Result(Plugins.load(layer), jars, List.copyOf(problems));
        } catch (RuntimeException | LinkageError jointFailure) {
            // One bad jar spoils a joint resolution; load them one by one to find it.
        }
        List<ModuleLayer> good = new ArrayList<>();
        List<Path> loaded = new ArrayList<>();
        ModuleLayer joined = null;
        for (Path jar : jars) {
            try {
                List<ModuleLayer> with = new ArrayList<>(good);
                with.add(define(parent, List.of(jar)));
                // Alone it loads; together with the ones before it, its providers must not clash.
                joined = join(with);
                good = with;
                loaded.add(jar);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new Problem(jar, reason(e)));
            }
        }
        Plugins plugins = joined == null ? Plugins.load() : Plugins.load(joined);
        return new Result(plugins, List.copyOf(loaded), List.copyOf(problems));
    }

    /**
     * The jars minus those holding a module the application already has (nn-api copied next to a plug-in, say):
     * loaded again, it would be a second, separate copy, and providers compiled against it would never be found.
     */
    private static List<Path> withoutModulesOf(ModuleLayer parent, List<Path> jars, List<Problem> problems) {
        List<Path> kept = new ArrayList<>();
        for (Path jar : jars) {
            String duplicate;
            try {
                duplicate = ModuleFinder.of(jar).findAll().stream().map(r -> r.descriptor().name())
                        .filter(name -> parent.findModule(name).isPresent()).findFirst().orElse(null);
            } catch (RuntimeException e) {
                duplicate = null; // unreadable: define() reports it with its reason
            }
            if (duplicate == null) {
                kept.add(jar);
            } else {
                problems.add(new Problem(jar, "it holds module " + duplicate + ", which Sinapse itself already has;"
                        + " a plug-in folder should hold only plug-ins and their own helper jars, so remove it"));
            }
        }
        return kept;
    }

    /** The layer the application runs in: the boot layer on the module path. */
    private static ModuleLayer applicationLayer() {
        ModuleLayer layer = PluginLoader.class.getModule().getLayer();
        return layer == null ? ModuleLayer.boot() : layer;
    }

    private static List<Path> jarsIn(List<Path> locations) {
        List<Path> jars = new ArrayList<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                            .sorted()
                            .forEach(jars::add);
                } catch (IOException e) {
                    throw new UsageException("Cannot list the plug-in folder " + location + ": " + e);
                }
            } else if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                jars.add(location);
            } else {
                throw new UsageException("The plug-in path " + location + " is not a folder of jars"
                        + (Files.exists(location) ? "" : " (it does not exist)")
                        + ". Give --plugin-path (or SINAPSE_PLUGIN_PATH) a folder holding modular plug-in jars.");
            }
        }
        return jars;
    }

    /**
     * Resolves the modules in {@code jars} against {@code parent}, defines them in a new layer and makes sure
     * every provider in it can be created and named without clashing.
     */
    private static ModuleLayer define(ModuleLayer parent, List<Path> jars) {
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<ModuleReference> found = finder.findAll();
        if (found.isEmpty()) {
            throw new IllegalStateException("it holds no module");
        }
        Set<String> names = found.stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), names);
        ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, PluginLoader.class.getClassLoader());
        check(layer);
        return layer;
    }

    /** Creates every provider the layer adds, so a broken one is caught here rather than at first use. */
    private static void check(ModuleLayer layer) {
        Plugins plugins = Plugins.load(layer);
        for (Class<? extends Plugin<?>> kind : Plugins.KINDS) {
            plugins.names(kind);
        }
    }

    /** One layer over several sibling layers, so that one lookup sees them all. */
    private static ModuleLayer join(List<ModuleLayer> layers) {
        if (layers.size() == 1) {
            return layers.get(0);
        }
        List<Configuration> configurations = layers.stream().map(ModuleLayer::configuration).toList();
        Configuration empty = Configuration.resolve(ModuleFinder.of(), configurations, ModuleFinder.of(), Set.of());
        ModuleLayer joined = ModuleLayer.defineModulesWithOneLoader(empty, layers,
                PluginLoader.class.getClassLoader()).layer();
        check(joined);
        return joined;
    }

    /** The message of {@code e} and of its causes, without repeats: what went wrong, down to the root. */
    static String reason(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    /** Where a provider came from: its module and, for a plug-in, the jar. */
    public static String origin(Object provider) {
        String origin = Plugins.origin(provider);
        Module module = provider.getClass().getModule();
        ModuleLayer layer = module.getLayer();
        if (module.isNamed() && layer != null && layer != ModuleLayer.boot()) {
            return layer.configuration().findModule(module.getName())
                    .flatMap(m -> m.reference().location())
                    .map(uri -> origin + " (" + Path.of(uri).getFileName() + ")")
                    .orElse(origin);
        }
        return origin;
    }
}
