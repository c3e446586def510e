package io.sinapse.app;

import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugin;
import io.sinapse.api.PluginException;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nn plugins}: every provider found, by kind, with its parameters and where it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every activation, loss, optimizer and regularizer found: its name, its parameters with"
                + " their defaults, and the module it came from.",
                "Built-ins come from the module path; add your own with --plugin-path."})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plugins plugins = common.plugins();
        int failures = 0;
        failures += list(out, err, "Activations", () -> plugins.available(Activation.class));
        failures += list(out, err, "Losses", () -> plugins.available(Loss.class));
        failures += list(out, err, "Optimizers", () -> plugins.available(Optimizer.class));
        failures += list(out, err, "Regularizers", () -> plugins.available(Regularizer.class));
        PluginLoader.Result loaded = common.loaded();
        if (!loaded.jars().isEmpty()) {
            out.println("Plug-in jars loaded: "
                    + String.join(", ", loaded.jars().stream().map(Path::toString).toList()));
        }
        if (!loaded.problems().isEmpty()) {
            out.println("Plug-in jars not loaded: " + String.join(", ",
                    loaded.problems().stream().map(p -> p.jar().toString()).toList()) + " (reasons on stderr)");
        }
        out.flush();
        return failures == 0 ? 0 : Main.FAILURE;
    }

    private static int list(PrintWriter out, PrintWriter err, String title,
                            Callable<List<? extends Plugin<?>>> providers) {
        List<? extends Plugin<?>> found;
        try {
            found = providers.call();
        } catch (PluginException e) {
            out.println(title + ": cannot list them");
            err.println("nn plugins: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.println(title + " (" + found.size() + ")");
        if (found.isEmpty()) {
            out.println("  none found: is its module on the module path?");
        } else {
            Table table = new Table("name", "parameters (defaults)", "from");
            for (Plugin<?> plugin : found) {
                String parameters = plugin.parameters().isEmpty() ? "—" : plugin.parameters().toString();
                table.row(plugin.name(), parameters, PluginLoader.origin(plugin));
            }
            out.print(table);
        }
        out.println();
        return 0;
    }
}
