package io.sinapse.api;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds providers of the four SPIs by name, the way JDBC finds a driver by URL:
 * {@code plugins.activation("leaky_relu(alpha=0.02)")}, {@code plugins.optimizer("adam(lr=0.01)")}.
 *
 * <p>Providers come from {@link ServiceLoader}: the module path and class path ({@link #load()}), or a module
 * layer the caller built, e.g. from a folder of third-party jars, together with its parents
 * ({@link #load(ModuleLayer)}). Each kind is discovered once, on first use. An unknown name, an unknown parameter,
 * a bad value and two providers claiming one name are each an error that says what was found and how to fix it.
 */
public final class Plugins {

    /** The plug-in kinds, in the order listings show them. */
    public static final List<Class<? extends Plugin<?>>> KINDS =
            List.of(Activation.class, Loss.class, Optimizer.class, Regularizer.class);

    private static final Pattern SPEC = Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*(?:\\((.*)\\))?\\s*");
    private static final Pattern VERSION_NUMBERS = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?");

    private final Function<Class<?>, Stream<? extends ServiceLoader.Provider<?>>> candidates;
    private final Map<Class<?>, Map<String, Plugin<?>>> discovered = new ConcurrentHashMap<>();

    /** A lookup over the providers {@code candidates} offers for each kind (tests pass their own). */
    Plugins(Function<Class<?>, Stream<? extends ServiceLoader.Provider<?>>> candidates) {
        this.candidates = candidates;
    }

    /** Providers on the module path and the class path (through the context class loader). */
    public static Plugins load() {
        return new Plugins(kind -> ServiceLoader.load(kind).stream());
    }

    /** Providers in {@code layer} and its parent layers, e.g. plug-in jars loaded into a child layer. */
    public static Plugins load(ModuleLayer layer) {
        return new Plugins(kind -> ServiceLoader.load(layer, kind).stream());
    }

    public Activation activation(String spec) {
        return get(Activation.class, spec);
    }

    public Loss loss(String spec) {
        return get(Loss.class, spec);
    }

    public Optimizer optimizer(String spec) {
        return get(Optimizer.class, spec);
    }

    public Regularizer regularizer(String spec) {
        return get(Regularizer.class, spec);
    }

    /**
     * The provider of {@code kind} that {@code spec} asks for, configured with its parameters:
     * {@code name} or {@code name(key=value, …)}; parameters not given keep their defaults.
     */
    public <P extends Plugin<P>> P get(Class<P> kind, String spec) {
        String what = kindName(kind);
        Matcher matcher = SPEC.matcher(spec == null ? "" : spec);
        if (!matcher.matches()) {
            throw new PluginException("Cannot read " + what + " '" + spec + "': write a name, optionally with"
                    + " parameters, e.g. 'leaky_relu' or 'leaky_relu(alpha=0.02)'.");
        }
        String name = matcher.group(1);
        P provider = kind.cast(providers(kind).get(name));
        if (provider == null) {
            Collection<String> names = providers(kind).keySet();
            throw new PluginException("Unknown " + what + " '" + name + "'. Available: "
                    + (names.isEmpty() ? "none" : String.join(", ", names))
                    + ". Plug-ins are loaded from --plugin-path.");
        }
        Parameters values = parseParameters(provider, what, matcher.group(2), spec);
        if (values.equals(provider.parameters())) {
            return provider;
        }
        try {
            return provider.withParameters(values);
        } catch (IllegalArgumentException e) {
            throw new PluginException("Bad parameters for " + what + " '" + spec.trim() + "': " + e.getMessage(), e);
        }
    }

    /** Every provider of {@code kind} with its default parameters, sorted by name. */
    public <P extends Plugin<P>> List<P> available(Class<P> kind) {
        List<P> list = new ArrayList<>();
        for (Plugin<?> plugin : providers(kind).values()) {
            list.add(kind.cast(plugin));
        }
        return Collections.unmodifiableList(list);
    }

    /** {@code activation} for {@link Activation}, and so on: the word messages use. */
    public static String kindName(Class<?> kind) {
        return kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Where a provider came from: its module, or the jar/folder for class-path providers. */
    public static String origin(Object provider) {
        Class<?> type = provider.getClass();
        Module module = type.getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? "class path" : "class path " + source.getLocation();
    }

    private Map<String, Plugin<?>> providers(Class<?> kind) {
        return discovered.computeIfAbsent(kind, this::discover);
    }

    private Map<String, Plugin<?>> discover(Class<?> kind) {
        Map<String, Plugin<?>> byName = new TreeMap<>();
        for (ServiceLoader.Provider<?> candidate : streamProviders(kind)) {
            Plugin<?> plugin = instantiate(kind, candidate);
            Plugin<?> previous = byName.putIfAbsent(plugin.name(), plugin);
            if (previous != null && previous.getClass() != plugin.getClass()) {
                throw new PluginException("Two " + kindName(kind) + " providers are named '" + plugin.name() + "': "
                        + describe(previous) + " and " + describe(plugin)
                        + ". Remove one of them from the module path or --plugin-path, or rename it.");
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private List<ServiceLoader.Provider<?>> streamProviders(Class<?> kind) {
        try {
            List<ServiceLoader.Provider<?>> list = new ArrayList<>();
            candidates.apply(kind).forEach(list::add);
            return list;
        } catch (ServiceConfigurationError e) {
            String what = kindName(kind);
            String article = "aeiou".indexOf(what.charAt(0)) >= 0 ? "An " : "A ";
            throw new PluginException(article + what + " provider is registered wrongly: " + e.getMessage()
                    + ". Check its 'provides " + kind.getName() + " with …' line in module-info.java and its"
                    + " META-INF/services/" + kind.getName() + " file, and that the class is public, implements "
                    + kind.getSimpleName() + " and has a public no-argument constructor.", e);
        }
    }

    private static Plugin<?> instantiate(Class<?> kind, ServiceLoader.Provider<?> candidate) {
        checkBuiltForThisApi(kind, candidate.type());
        try {
            return (Plugin<?>) candidate.get();
        } catch (ServiceConfigurationError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginException("Cannot create the " + kindName(kind) + " provider "
                    + candidate.type().getName() + ": " + cause + ". A provider needs a public no-argument"
                    + " constructor (or a public static provider() method) that does not throw.", e);
        }
    }

    /**
     * Refuses, before creating it, a provider compiled against an nn-api this one may not stand in for. javac records
     * in a module the version of each module it requires, so a provider's module says which nn-api it was built
     * against; a class-path provider says nothing and is not checked, nor is anything when nn-api itself is on the
     * class path. See {@link #incompatibility}.
     */
    private static void checkBuiltForThisApi(Class<?> kind, Class<?> type) {
        Module api = Plugins.class.getModule();
        Module module = type.getModule();
        if (!api.isNamed() || !module.isNamed() || module == api) {
            return;
        }
        Optional<Version> running = api.getDescriptor().version();
        Optional<Version> builtAgainst = module.getDescriptor().requires().stream()
                .filter(requires -> requires.name().equals(api.getName()))
                .findFirst()
                .flatMap(ModuleDescriptor.Requires::compiledVersion);
        String reason = incompatibility(builtAgainst, running);
        if (reason != null) {
            throw new PluginException("The " + kindName(kind) + " provider " + type.getName() + " (module "
                    + module.getName() + ") was built against nn-api " + builtAgainst.get() + ", and this is nn-api "
                    + running.get() + ": " + reason + ". Rebuild it against nn-api " + running.get()
                    + " (the version 'nn --version' shows), or run it with the Sinapse it was built for.");
        }
    }

    /**
     * Why a provider built against nn-api {@code builtAgainst} may fail on nn-api {@code running}, or null when it
     * should not: when either version is unknown, or when both are in one series (the same first number, or the same
     * first two while it is 0: before 1.0 a minor version may change the interfaces) and the provider's is not the
     * later one (it might call what an earlier API lacks). Pre-release suffixes are ignored: 0.1.0-SNAPSHOT and
     * 0.1.0 are the same API.
     */
    static String incompatibility(Optional<Version> builtAgainst, Optional<Version> running) {
        if (builtAgainst.isEmpty() || running.isEmpty()) {
            return null;
        }
        int[] built = numbers(builtAgainst.get());
        int[] run = numbers(running.get());
        String builtSeries = series(built);
        String runSeries = series(run);
        if (!builtSeries.equals(runSeries)) {
            return "the interfaces may differ between nn-api " + builtSeries + " and " + runSeries;
        }
        for (int i = 0; i < built.length; i++) {
            if (built[i] != run[i]) {
                return built[i] > run[i] ? "it may call what this earlier nn-api lacks" : null;
            }
        }
        return null;
    }

    /** The first three numbers of a version (missing ones are 0), before any suffix: 0.1.0-SNAPSHOT → 0, 1, 0. */
    private static int[] numbers(Version version) {
        Matcher leading = VERSION_NUMBERS.matcher(version.toString());
        int[] numbers = new int[3];
        if (leading.lookingAt()) {
            for (int i = 0; i < 3; i++) {
                String number = leading.group(i + 1);
                numbers[i] = number == null ? 0 : Integer.parseInt(number);
            }
        }
        return numbers;
    }

    /** The versions that share an API: 2.x for 2.4.1, 0.3.x for 0.3.1. */
    private static String series(int[] numbers) {
        return numbers[0] > 0 ? numbers[0] + ".x" : "0." + numbers[1] + ".x";
    }

    private static String describe(Plugin<?> plugin) {
        return plugin.getClass().getName() + " (" + origin(plugin) + ")";
    }

    private static Parameters parseParameters(Plugin<?> provider, String what, String text, String spec) {
        Parameters defaults = provider.parameters();
        if (text == null || text.isBlank()) {
            return defaults;
        }
        Parameters values = defaults;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new PluginException("Cannot read parameter '" + pair.trim() + "' of " + what + " '" + spec.trim()
                        + "': write key=value" + accepted(defaults));
            }
            String key = pair.substring(0, eq).trim();
            String raw = pair.substring(eq + 1).trim();
            if (!defaults.has(key)) {
                throw new PluginException("Unknown parameter '" + key + "' for " + what + " '" + provider.name()
                        + "'" + accepted(defaults));
            }
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new PluginException("Parameter '" + key + "' of " + what + " '" + provider.name()
                        + "' must be a number, got '" + raw + "'.");
            }
            if (!Double.isFinite(value)) {
                throw new PluginException("Parameter '" + key + "' of " + what + " '" + provider.name()
                        + "' must be a finite number, got '" + raw + "'.");
            }
            values = values.and(key, value);
        }
        return values;
    }

    private static String accepted(Parameters defaults) {
        return defaults.isEmpty() ? ". It takes no parameters." : ". Accepted (with defaults): " + defaults + ".";
    }

    /** The names known for {@code kind}, sorted. */
    public Collection<String> names(Class<? extends Plugin<?>> kind) {
        return providers(kind).keySet();
    }
}
