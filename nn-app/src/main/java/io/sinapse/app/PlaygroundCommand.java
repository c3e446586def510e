package io.sinapse.app;

import io.sinapse.playground.PlaygroundServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nn playground}: the course's pictures, live, in a browser on this machine. */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the playground: a page where you pick a dataset, a network and how to train it, and"
                + " watch the library train it in this JVM: the decision boundary, the loss curves, the accuracy and"
                + " the weights, live.",
                "Serves http://127.0.0.1:PORT/ until Ctrl+C. Activations from --plugin-path are offered too."},
        footer = {"", "Examples:", "  nn playground", "  nn playground --port 0",
                "  nn playground --plugin-path plugins/"})
final class PlaygroundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8765",
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address"
                    + " lets other machines train networks on this one.")
    String host;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port is from 0 (any free port) to 65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlaygroundServer server = start();
        Thread shutdown = new Thread(server::close, "playground-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            if (!loopback()) {
                err.println("nn playground: listening on " + host + ": other machines can reach it and train on"
                        + " this one.");
                err.flush();
            }
            out.println("Sinapse playground: " + server.url());
            out.println("Open it in a browser on this machine. Ctrl+C stops it.");
            out.flush();
            new CountDownLatch(1).await(); // serves until the JVM is stopped (Ctrl+C) or this thread interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return 0;
    }

    private PlaygroundServer start() {
        try {
            return PlaygroundServer.builder().host(host).port(port).plugins(common.plugins()).build().start();
        } catch (BindException e) {
            throw new UsageException("Cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): is a"
                    + " playground running already? Choose another port with --port, or --port 0 for a free one.");
        } catch (IOException e) {
            throw new UsageException("Cannot start the playground on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
