package io.sinapse.playground;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol: the browser is started with a fresh profile and
 * {@code --remote-debugging-port=0}, the port is read from its {@code DevToolsActivePort} file, and commands go to
 * its first page over a java.net.http WebSocket.
 */
final class Chromium implements AutoCloseable {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    /** Events the page sent, such as Runtime.exceptionThrown. */
    final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

    /** The first Chromium (or Chrome) on the PATH. */
    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts {@code binary} headless with a window of {@code width × height} and connects to its page. */
    static Chromium start(Path binary, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("sinapse-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            int port = devToolsPort(process, profile);
            HttpClient http = HttpClient.newHttpClient();
            String page = pageSocket(http, port);
            Chromium[] self = new Chromium[1];
            Listener listener = new Listener(message -> self[0].receive(message));
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener)
                    .get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(process, profile, socket);
            return self[0];
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            stop(process);
            String log = Files.exists(profile.resolve("chromium.log"))
                    ? Files.readString(profile.resolve("chromium.log")) : "";
            delete(profile);
            throw new IOException("Chromium did not start: " + e + "\n" + log, e);
        }
    }

    private static int devToolsPort(Process process, Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("No DevToolsActivePort file in " + profile + " after 20 s");
    }

    @SuppressWarnings("unchecked")
    private static String pageSocket(HttpClient http, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            try {
                for (Map<String, Object> target : (List<Map<String, Object>>) Json.parse(list)) {
                    if ("page".equals(target.get("type"))) {
                        return (String) target.get("webSocketDebuggerUrl");
                    }
                }
            } catch (Json.SyntaxException e) {
                throw new IOException("Cannot read the DevTools target list: " + list, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Chromium has no page: " + list);
            }
            Thread.sleep(100);
        }
    }

    // ---- the protocol ----

    /** Sends a command and waits for its result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(Json.write(Json.object("id", id, "method", method, "params", params)), true).join();
        try {
            Map<String, Object> message = reply.get(30, TimeUnit.SECONDS);
            if (message.containsKey("error")) {
                throw new AssertionError(method + " failed: " + Json.write(message.get("error")));
            }
            return (Map<String, Object>) message.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(method + " got no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value. */
    @SuppressWarnings("unchecked")
    Object evaluate(String expression) {
        Map<String, Object> result = send("Runtime.evaluate", Json.object("expression", expression,
                "returnByValue", true, "awaitPromise", true));
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("The page threw evaluating " + expression + ": "
                    + Json.write(result.get("exceptionDetails")));
        }
        return ((Map<String, Object>) result.get("result")).get("value");
    }

    /** Waits until {@code expression} is true in the page, or fails with what {@code explain} evaluates to. */
    void waitUntil(String expression, Duration timeout, String explain) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(evaluate(expression))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + expression + "; "
                        + evaluate(explain) + "; page errors: " + errors());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A PNG of what the page shows. */
    byte[] screenshot() {
        return Base64.getDecoder().decode((String) send("Page.captureScreenshot", Json.object("format", "png"))
                .get("data"));
    }

    /** The uncaught exceptions the page reported (after Runtime.enable). */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if ("Runtime.exceptionThrown".equals(event.get("method"))) {
                errors.add(Json.write(event.get("params")));
            }
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private void receive(String text) {
        Map<String, Object> message;
        try {
            message = (Map<String, Object>) Json.parse(text);
        } catch (Json.SyntaxException e) {
            return;
        }
        Object id = message.get("id");
        if (id instanceof Double number) {
            CompletableFuture<Map<String, Object>> reply = pending.get(number.intValue());
            if (reply != null) {
                reply.complete(message);
            }
        } else {
            events.add(message);
        }
    }

    /** Puts a message's frames together. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> onMessage;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                onMessage.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
        delete(profile);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure
        }
    }
}
