package io.sinapse.app;

import io.sinapse.api.Plugins;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options every command takes: where plug-ins come from, and how much to log. */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--plugin-path", paramLabel = "DIR", split = ":", defaultValue = "${env:SINAPSE_PLUGIN_PATH}",
            description = "Folder(s) of modular plug-in jars, separated by ':'; their activations, losses, optimizers"
                    + " and regularizers become usable by name (default: $SINAPSE_PLUGIN_PATH).")
    List<Path> pluginPath = new ArrayList<>();

    @Option(names = {"-v", "--verbose"},
            description = "Log what the library does, to stderr; with an error, print its stack trace.")
    boolean verbose;

    private PluginLoader.Result loaded;

    /** The built-ins plus the plug-ins; jars that fail to load are reported on stderr once and left out. */
    public Plugins plugins() {
        return loaded().plugins();
    }

    /** What loading the plug-in path did. */
    public PluginLoader.Result loaded() {
        if (loaded == null) {
            loaded = pluginPath == null || pluginPath.isEmpty()
                    ? PluginLoader.builtIns()
                    : PluginLoader.load(pluginPath);
            PrintWriter err = command.commandLine().getErr();
            for (PluginLoader.Problem problem : loaded.problems()) {
                String message = problem.message();
                err.println("nn: " + message + (message.endsWith(".") ? "" : ".")
                        + " The other plug-ins and the built-ins still work.");
            }
            err.flush();
        }
        return loaded;
    }
}
