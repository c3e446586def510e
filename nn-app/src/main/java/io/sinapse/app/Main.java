package io.sinapse.app;

import io.sinapse.api.PluginException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.util.List;

/**
 * {@code nn}: the command line of Sinapse. Exit status 0 on success, 1 when the work failed, 2 when the command
 * line was wrong (unknown option, bad value, unknown plug-in name).
 */
@Command(name = "nn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Sinapse: neural networks in Java, from the McCulloch-Pitts neuron to multilayer perceptrons.",
        subcommands = {DemoCommand.class, TrainCommand.class, EvalCommand.class, PredictCommand.class,
                BenchCommand.class,
                PlaygroundCommand.class,
                PluginsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'nn COMMAND --help' for a command's options. 'nn demo' is a guided tour of the course."})
public final class Main implements Runnable {

    /** Exit status when the work failed. */
    public static final int FAILURE = 1;
    /** Exit status when the command line was wrong. */
    public static final int USAGE = 2;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    static {
        // The library logs at info while it trains; the command line stays quiet unless asked (-v).
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        System.setProperty("java.awt.headless", "true");
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    public static void main(String[] args) {
        if (List.of(args).contains("-v") || List.of(args).contains("--verbose")) {
            System.setProperty(LOG_LEVEL, "info");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs {@code nn args} with the given streams and returns the exit status; what tests call. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line, with Sinapse's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler(Main::failure);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing a command: choose one of demo, train, eval, predict, plugins, playground, bench"
                        + " (or help COMMAND).");
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        boolean usage = e instanceof UsageException || e instanceof PluginException;
        err.println(name + ": " + (usage ? "" : "error: ") + message(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return usage ? USAGE : FAILURE;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The version of the module, as Maven stamped it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getModule().getDescriptor() == null ? "development"
                    : Main.class.getModule().getDescriptor().rawVersion().orElse("development");
            return new String[]{"Sinapse " + version, "Java " + Runtime.version()};
        }
    }
}
