package io.sinapse.testkit;

import io.sinapse.api.Parameters;
import io.sinapse.api.Plugin;
import io.sinapse.api.Plugins;
import java.util.function.Function;
import java.util.regex.Pattern;

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
}
