package io.sinapse.playground;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sinapse.api.Activation;
import io.sinapse.api.Loss;
import io.sinapse.api.Optimizer;
import io.sinapse.api.Plugin;
import io.sinapse.api.Plugins;
import io.sinapse.api.Regularizer;
import io.sinapse.data.BuiltinDatasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playground's web server: one page (from this module's resources, nothing fetched from elsewhere) and a small
 * JSON API behind it, on the JDK's own {@code jdk.httpserver}, bound to the loopback interface unless told
 * otherwise.
 *
 * <pre>{@code
 * try (PlaygroundServer server = PlaygroundServer.builder().port(0).build().start()) {
 *     System.out.println(server.url());   // http://127.0.0.1:41234/
 * }
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>{@code GET /}</td><td>the page (and {@code /playground.js}, {@code /playground.css})</td></tr>
 *   <tr><td>{@code GET /api/options}</td><td>datasets, activations (plug-ins included), losses, optimizers, bounds,
 *   defaults</td></tr>
 *   <tr><td>{@code POST /api/sessions}</td><td>a new session: {@code {"session": id}}</td></tr>
 *   <tr><td>{@code GET /api/sessions/ID/events}</td><td>its Server-Sent Events: hello, run, state, frame</td></tr>
 *   <tr><td>{@code POST /api/sessions/ID/start}</td><td>a new run of the posted settings, running</td></tr>
 *   <tr><td>{@code POST /api/sessions/ID/reset}</td><td>a new run, paused at epoch 0 ({@code {}}: no run)</td></tr>
 *   <tr><td>{@code POST /api/sessions/ID/pause|resume|step}</td><td>the run's buttons</td></tr>
 *   <tr><td>{@code DELETE /api/sessions/ID}</td><td>close the session, stopping its run</td></tr>
 * </table>
 *
 * <p>Refusals are JSON, {@code {"error": "…"}}, with the status that says why: 400 for settings out of bounds or bad
 * JSON, 403 for a request naming another host (DNS rebinding), 404, 405, 409 for a button that does not apply, 413
 * for a body over 16 KiB, 415 for a POST that is not JSON, 503 when too many sessions are open.
 */
public final class PlaygroundServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundServer.class);

    /** The largest request body accepted; the settings take a few hundred bytes. */
    static final int MAX_BODY = 16 * 1024;

    private static final Pattern SESSION_PATH =
            Pattern.compile("/api/sessions/([0-9a-f]{32})(?:/(events|start|reset|pause|resume|step))?");
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/playground.js", "playground.js", "/playground.css", "playground.css");
    private static final String JSON = "application/json; charset=utf-8";

    private final String host;
    private final int requestedPort;
    private final Plugins plugins;
    private final long idleTimeoutNanos;
    private final long heartbeatMillis;
    private final long frameIntervalMillis;
    private final int maxSessions;

    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private HttpServer http;
    private ExecutorService requests;
    private ExecutorService training;
    private ScheduledExecutorService reaper;
    private boolean loopback;
    private boolean closed;
    private String options;

    private PlaygroundServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.plugins = b.plugins != null ? b.plugins : Plugins.load();
        this.idleTimeoutNanos = b.idleTimeout.toNanos();
        this.heartbeatMillis = Math.max(1, b.heartbeat.toMillis());
        this.frameIntervalMillis = Math.max(0, b.frameInterval.toMillis());
        this.maxSessions = b.maxSessions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound, e.g. the port is taken ({@link java.net.BindException})
     */
    public PlaygroundServer start() throws IOException {
        for (String name : STATIC.values()) {
            resources.put(name, resource(name));
        }
        options = Json.write(options());
        InetAddress address = InetAddress.getByName(host);
        loopback = address.isLoopbackAddress();
        http = HttpServer.create(new InetSocketAddress(address, requestedPort), 0);
        requests = Executors.newCachedThreadPool(daemons("playground-http-"));
        training = Executors.newCachedThreadPool(daemons("playground-train-"));
        reaper = Executors.newSingleThreadScheduledExecutor(daemons("playground-reaper-"));
        http.createContext("/", this::handle);
        http.setExecutor(requests);
        http.start();
        long period = Math.max(50, Math.min(5_000, idleTimeoutNanos / 4_000_000));
        reaper.scheduleAtFixedRate(this::closeIdleSessions, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Playground serving {}", url());
        return this;
    }

    /** The port it listens on (the one chosen when asked for port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8765/}. */
    public String url() {
        String shown = http.getAddress().getAddress().getHostAddress();
        if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return "http://" + shown + ":" + port() + "/";
    }

    /** How many sessions (open pages) there are. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Stops every run and the server; open pages lose their stream. Closing twice does nothing more. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessions.values().forEach(Session::close);
        sessions.clear();
        if (http != null) {
            http.stop(0);
            reaper.shutdownNow();
            training.shutdownNow();
            requests.shutdownNow();
            LOG.info("Playground stopped");
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The playground page's resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private void closeIdleSessions() {
        sessions.values().removeIf(session -> {
            if (session.idleFor(idleTimeoutNanos)) {
                LOG.info("Session {} closed after being idle", session.id);
                session.close();
                return true;
            }
            return session.closed();
        });
    }

    // ---- requests ----

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (HttpError e) {
                if (e.allow() != null) {
                    exchange.getResponseHeaders().set("Allow", e.allow());
                }
                sendError(exchange, e.status(), e.getMessage());
            } catch (IOException e) {
                LOG.debug("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                sendError(exchange, 500, "The server failed: " + e);
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        checkHost(exchange);
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (STATIC.containsKey(path)) {
            allow(method, "GET");
            String name = STATIC.get(path);
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            send(exchange, 200, type, resources.get(name));
            return;
        }
        if (path.equals("/api/options")) {
            allow(method, "GET");
            sendJson(exchange, 200, options);
            return;
        }
        if (path.equals("/api/sessions")) {
            allow(method, "POST");
            readJson(exchange);
            sendJson(exchange, 201, Json.write(Json.object("session", newSession().id)));
            return;
        }
        Matcher matcher = SESSION_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new HttpError(404, "Nothing at " + path + ". The page is at /.");
        }
        String action = matcher.group(2);
        if (action == null) {
            allow(method, "DELETE");
            Session session = sessions.remove(matcher.group(1));
            if (session == null) {
                throw noSession(matcher.group(1));
            }
            session.close();
            send(exchange, 204, null, null);
            return;
        }
        if (action.equals("events")) {
            allow(method, "GET");
            stream(exchange, session(matcher.group(1)));
            return;
        }
        allow(method, "POST");
        Session session = session(matcher.group(1));
        Object body = readJson(exchange);
        session.touch();
        switch (action) {
            case "start" -> session.startRun(Model.build(Settings.parse(body), plugins), false, training,
                    frameIntervalMillis);
            case "reset" -> {
                if (body instanceof Map<?, ?> map && map.isEmpty()) {
                    session.stopRun();
                } else {
                    session.startRun(Model.build(Settings.parse(body), plugins), true, training, frameIntervalMillis);
                }
            }
            case "pause" -> session.liveRun("pause").pause();
            case "resume" -> session.liveRun("resume").resume();
            case "step" -> session.liveRun("step").step();
            default -> throw new IllegalStateException(action);
        }
        TrainingRun run = session.run();
        sendJson(exchange, 200, Json.write(run == null ? Json.object("run", null, "state", null)
                : Json.object("run", run.id(), "state", run.state().word())));
    }

    private Session newSession() {
        closeIdleSessions();
        if (sessions.size() >= maxSessions) {
            throw new HttpError(503, "Too many playground pages are open (" + maxSessions + "); close one and"
                    + " reload.");
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Session session = new Session(HexFormat.of().formatHex(bytes));
        sessions.put(session.id, session);
        LOG.debug("Session {} opened", session.id);
        return session;
    }

    private Session session(String id) {
        Session session = sessions.get(id);
        if (session == null || session.closed()) {
            throw noSession(id);
        }
        return session;
    }

    private static HttpError noSession(String id) {
        return new HttpError(404, "No session " + id + ": it was closed (the page went away or was idle too"
                + " long). Reload the page.");
    }

    /** Streams the session's events until the page goes away, which closes the session and stops its run. */
    private void stream(HttpExchange exchange, Session session) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Accel-Buffering", "no");
        OutputStream out = exchange.getResponseBody();
        try {
            session.stream(out, heartbeatMillis, () -> {
                try {
                    exchange.sendResponseHeaders(200, 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Session {}: the page went away ({})", session.id, e.toString());
        }
        // The stream ended: the page went away, or the session was closed. Either way the session is over.
        sessions.remove(session.id, session);
        session.close();
    }

    /**
     * A page served from this machine names it as its host; anything else is a page elsewhere that a DNS rebinding
     * pointed at this server, and may not drive it.
     */
    private void checkHost(HttpExchange exchange) {
        if (!loopback) {
            return;
        }
        String hostHeader = exchange.getRequestHeaders().getFirst("Host");
        String name = hostHeader == null ? "" : hostHeader.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            name = name.substring(0, colon);
        }
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(name) && !name.startsWith("127.")) {
            throw new HttpError(403, "This playground answers pages served from this machine only"
                    + " (localhost or 127.0.0.1), not '" + hostHeader + "'.");
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw HttpError.methodNotAllowed(method, allowed);
        }
    }

    /**
     * The request body as JSON, at most {@link #MAX_BODY} bytes. A POST must say it is JSON: a page elsewhere can
     * post a form here, but not JSON without asking first (CORS), and this server never says yes.
     */
    private static Object readJson(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Content-Length is not a number: " + length);
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "Send the body as JSON, with Content-Type: application/json.");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw HttpError.badRequest("The body is not valid JSON: " + e.getMessage());
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "The body is larger than " + MAX_BODY / 1024 + " KiB; the settings take less"
                + " than one.");
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendError(HttpExchange exchange, int status, String message) {
        if (exchange.getResponseCode() != -1) {
            return; // the response has begun (an event stream); nothing more can be said
        }
        try {
            sendJson(exchange, status, Json.write(Json.object("error", message)));
        } catch (IOException e) {
            LOG.debug("Could not send the error {} {}: {}", status, message, e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (type != null) {
            headers.set("Content-Type", type);
        }
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        // Everything the page uses comes from here: no scripts, styles or fonts from elsewhere, so it works offline.
        headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        if (body == null || body.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** What the page offers: datasets, the plug-ins found (third-party ones too), the bounds and the defaults. */
    private Map<String, Object> options() {
        List<Object> datasets = new ArrayList<>();
        Map<String, String> descriptions = BuiltinDatasets.descriptions();
        Settings.DATASETS.forEach((name, label) -> datasets.add(Json.object("name", name, "label", label,
                "task", name.equals("noisy_sine") ? "regression" : "classification",
                "description", descriptions.get(name))));
        return Json.object("datasets", datasets,
                "activations", describe(plugins.available(Activation.class)),
                "losses", describe(plugins.available(Loss.class)),
                "optimizers", describe(plugins.available(Optimizer.class)),
                "regularizers", describe(plugins.available(Regularizer.class)),
                "limits", Settings.limits(), "defaults", Settings.DEFAULTS.toJson());
    }

    private static List<Object> describe(List<? extends Plugin<?>> found) {
        List<Object> list = new ArrayList<>();
        for (Plugin<?> plugin : found) {
            list.add(Json.object("name", plugin.name(), "parameters", plugin.parameters().toString(),
                    "origin", Plugins.origin(plugin)));
        }
        return list;
    }

    /** Where to listen, what to offer, and the timings of sessions and frames. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Plugins plugins;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration heartbeat = Duration.ofSeconds(2);
        private Duration frameInterval = Duration.ofMillis(100);
        private int maxSessions = 16;

        private Builder() {
        }

        /** The address to bind, {@code 127.0.0.1} unless set: only this machine can reach the playground. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port, 0 for any free one (see {@link #port()} once started). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("A port is from 0 (any free one) to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The lookup the page's names are resolved with (built-ins and plug-ins); {@link Plugins#load()} unless set. */
        public Builder plugins(Plugins plugins) {
            this.plugins = plugins;
            return this;
        }

        /** How long a session without an open page lives (default 10 minutes). */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive(idleTimeout, "idle timeout");
            return this;
        }

        /** How often an idle event stream sends a comment, which is how a page that went away is noticed (2 s). */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = positive(heartbeat, "heartbeat");
            return this;
        }

        /** The least time between two frames of a run (100 ms; longer when taking the pictures takes longer). */
        public Builder frameInterval(Duration frameInterval) {
            if (frameInterval.isNegative()) {
                throw new IllegalArgumentException("The frame interval cannot be negative, got " + frameInterval);
            }
            this.frameInterval = frameInterval;
            return this;
        }

        /** How many sessions (pages) may be open at once (16). */
        public Builder maxSessions(int maxSessions) {
            if (maxSessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
            }
            this.maxSessions = maxSessions;
            return this;
        }

        private static Duration positive(Duration value, String what) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The " + what + " must be positive, got " + value);
            }
            return value;
        }

        public PlaygroundServer build() {
            return new PlaygroundServer(this);
        }
    }
}
