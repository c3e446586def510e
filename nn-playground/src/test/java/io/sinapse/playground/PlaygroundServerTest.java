package io.sinapse.playground;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the server, through java.net.http against a server on a free port. */
class PlaygroundServerTest {

    private static PlaygroundServer server;
    private static Client client;

    /** XOR on 2-4-1 tanh, the course's first picture; {@code more} ("key": value, …) adds or overrides settings. */
    @SuppressWarnings("unchecked")
    static String xor(String more) {
        try {
            Map<String, Object> settings = (Map<String, Object>) Json.parse("{\"dataset\": \"xor\", \"layers\": [4],"
                    + " \"activation\": \"tanh\", \"optimizer\": \"adam\", \"learningRate\": 0.05,"
                    + " \"batchSize\": 4, \"epochs\": 2000, \"seed\": 1}");
            settings.putAll((Map<String, Object>) Json.parse("{" + more + "}"));
            return Json.write(settings);
        } catch (Json.SyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeAll
    static void startServer() throws IOException {
        server = PlaygroundServer.builder().port(0).heartbeat(Duration.ofMillis(100))
                .frameInterval(Duration.ofMillis(20)).maxSessions(200).build().start();
        client = new Client(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    // ---- the page ----

    @Test
    void servesThePageAndItsFilesWithNothingFromElsewhere() {
        Client.Reply page = client.get("/");
        assertEquals(200, page.status(), page.body());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertTrue(page.body().contains("<canvas id=\"boundary\""), "the boundary canvas");
        assertTrue(page.body().contains("src=\"/playground.js\"") && page.body().contains("href=\"/playground.css\""));
        assertTrue(page.header("Content-Security-Policy").startsWith("default-src 'self'"),
                "the browser is told to load nothing from elsewhere: " + page.header("Content-Security-Policy"));
        for (String path : new String[]{"/", "/playground.js", "/playground.css"}) {
            Client.Reply file = client.get(path);
            assertEquals(200, file.status(), path);
            assertFalse(file.body().contains("http://") || file.body().contains("https://"),
                    path + " names no address elsewhere, so the page works offline");
        }
        assertEquals("text/javascript; charset=utf-8", client.get("/playground.js").header("Content-Type"));
        assertEquals("text/css; charset=utf-8", client.get("/playground.css").header("Content-Type"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void optionsListTheDatasetsThePluginsTheBoundsAndTheDefaults() {
        Client.Reply reply = client.get("/api/options");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/json; charset=utf-8", reply.header("Content-Type"));
        Map<String, Object> options = reply.json();
        assertEquals(List.of("xor", "and", "or", "moons", "circles", "spirals", "noisy_sine"),
                names(options.get("datasets")));
        assertTrue(names(options.get("activations")).containsAll(List.of("tanh", "relu", "sigmoid", "leaky_relu")),
                "activations from the lookup: " + options.get("activations"));
        assertTrue(names(options.get("losses")).containsAll(List.of("mse", "binary_cross_entropy", "cross_entropy")));
        assertTrue(names(options.get("optimizers")).containsAll(List.of("sgd", "adam")));
        Map<String, Object> limits = (Map<String, Object>) options.get("limits");
        assertEquals(List.of(1.0, 64.0), limits.get("units"));
        assertEquals(List.of(0.0, 4.0), limits.get("layers"));
        assertEquals(List.of(1.0, 5000.0), limits.get("epochs"));
        assertEquals(List.of(1.0, 1024.0), limits.get("batchSize"));
        assertEquals(List.of(0.0, 10.0), limits.get("learningRate"));
        Map<String, Object> defaults = (Map<String, Object>) options.get("defaults");
        assertEquals("xor", defaults.get("dataset"));
        assertEquals(List.of(4.0), defaults.get("layers"));
    }

    @SuppressWarnings("unchecked")
    static List<String> names(Object list) {
        return ((List<Map<String, Object>>) list).stream().map(m -> (String) m.get("name")).toList();
    }

    // ---- training ----

    @Test
    @SuppressWarnings("unchecked")
    void startTrainsXorToFullAccuracyAndStreamsItsPictures() {
        String session = client.session();
        try (Events events = client.events(session)) {
            Client.Reply started = client.post("/api/sessions/" + session + "/start", xor(""));
            assertEquals(200, started.status(), started.body());
            assertEquals("running", started.json().get("state"));

            Events.Event run = events.next("run", e -> true);
            assertEquals(List.of(2.0, 4.0, 1.0), run.get("widths"));
            assertEquals("2 → 4 tanh → 1 sigmoid", run.get("network"));
            assertEquals("classification", run.get("task"));
            assertEquals("binary_cross_entropy", run.get("loss"));
            assertEquals("adam(lr=0.05, beta1=0.9, beta2=0.999, eps=1.0E-8)", run.get("optimizer"));
            Map<String, Object> points = (Map<String, Object>) ((Map<String, Object>) run.get("points")).get("train");
            assertEquals(List.of(0.0, 0.0, 1.0, 1.0), points.get("x"));
            assertEquals(List.of(0.0, 1.0, 1.0, 0.0), points.get("c"), "XOR's classes");

            events.state("running");
            events.state("finished");
            Events.Event last = events.last("frame");
            assertNotNull(last, "frames came before the end");
            assertEquals(1.0, last.number("accuracy"), "XOR learned: " + last);
            Map<String, Object> prediction = (Map<String, Object>) last.get("prediction");
            assertEquals(50.0, prediction.get("size"));
            List<Double> p = (List<Double>) prediction.get("p");
            assertEquals(2500, p.size(), "a 50 × 50 grid");
            assertTrue(p.stream().anyMatch(v -> v > 0.9) && p.stream().anyMatch(v -> v < 0.1),
                    "both classes on the plane");
            List<Map<String, Object>> weights = (List<Map<String, Object>>) last.get("weights");
            assertEquals(2, weights.size());
            assertEquals(8, ((List<?>) weights.get(0).get("w")).size(), "2 × 4 weights into the hidden layer");
            assertEquals(4, ((List<?>) weights.get(0).get("b")).size());
            assertEquals(4, ((List<?>) weights.get(1).get("w")).size(), "4 × 1 weights into the output");
            Map<String, Object> curve = (Map<String, Object>) last.get("curve");
            List<Double> epochs = (List<Double>) curve.get("epoch");
            List<Double> losses = (List<Double>) curve.get("loss");
            assertEquals(0.0, epochs.get(0), "the curve starts at the untrained network");
            assertEquals(last.number("epoch"), epochs.get(epochs.size() - 1));
            assertEquals(epochs.size(), losses.size());
            assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 5, "the loss fell: " + losses);
            assertNull(curve.get("validationLoss"), "no validation split, no validation curve");
        }
    }

    @Test
    void resetPausesAtEpochZeroStepRunsOneEpochAndResumeAndPauseDoWhatTheySay() {
        String session = client.session();
        String base = "/api/sessions/" + session;
        try (Events events = client.events(session)) {
            assertEquals(200, client.post(base + "/reset", xor("\"speed\": 20")).status());
            events.state("paused");
            assertEquals(0.0, events.next("frame", e -> true).number("epoch"), "the untrained network first");
            for (int epoch = 1; epoch <= 3; epoch++) {
                Client.Reply step = client.post(base + "/step", "{}");
                assertEquals(200, step.status(), step.body());
                assertEquals("paused", step.json().get("state"));
                double expected = epoch;
                assertEquals(expected, events.next("frame", e -> true).number("epoch"), "one epoch per step");
            }
            assertEquals(200, client.post(base + "/resume", "{}").status());
            events.state("running");
            events.next("frame", e -> e.number("epoch") >= 5);
            Client.Reply paused = client.post(base + "/pause", "{}");
            assertEquals(200, paused.status(), paused.body());
            events.state("paused");
            double at = events.settle("frame", Duration.ofMillis(300)).number("epoch");
            assertTrue(at > 3 && at < 2000, "paused part way: " + at);
            client.post(base + "/step", "{}");
            assertEquals(at + 1, events.next("frame", e -> true).number("epoch"), "a step after a pause");

            Client.Reply cleared = client.post(base + "/reset", "{}");
            assertEquals(200, cleared.status());
            assertNull(cleared.json().get("run"), "an empty reset leaves no run");
            Client.Reply nothing = client.post(base + "/pause", "{}");
            assertEquals(409, nothing.status(), nothing.body());
            assertTrue(nothing.error().contains("start a run first"), nothing.error());
        }
    }

    @Test
    void theButtonsOfAFinishedRunAreAConflict() {
        String session = client.session();
        try (Events events = client.events(session)) {
            client.post("/api/sessions/" + session + "/start", xor("\"epochs\": 5"));
            events.state("finished");
            for (String action : new String[]{"pause", "resume", "step"}) {
                Client.Reply reply = client.post("/api/sessions/" + session + "/" + action, "{}");
                assertEquals(409, reply.status(), action + ": " + reply.body());
                assertTrue(reply.error().contains("has ended (finished)"), reply.error());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewStartReplacesTheRunOfTheSession() {
        String session = client.session();
        try (Events events = client.events(session)) {
            client.post("/api/sessions/" + session + "/start", xor("\"speed\": 20"));
            events.next("run", e -> e.number("run") == 1);
            Client.Reply second = client.post("/api/sessions/" + session + "/start",
                    "{\"dataset\": \"and\", \"layers\": [], \"epochs\": 3}");
            assertEquals(2.0, ((Number) second.json().get("run")).doubleValue());
            Events.Event run = events.next("run", e -> e.number("run") == 2);
            assertEquals("2 → 1 sigmoid", run.get("network"), "no hidden layer: one sigmoid unit, a perceptron");
            events.next("state", e -> e.number("run") == 2 && "finished".equals(e.get("state")));
            Map<String, Object> settings = (Map<String, Object>) run.get("settings");
            assertEquals("and", settings.get("dataset"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRegressionDrawsItsFitAndHasNoAccuracy() {
        String session = client.session();
        try (Events events = client.events(session)) {
            Client.Reply started = client.post("/api/sessions/" + session + "/start", "{\"dataset\": \"noisy_sine\","
                    + " \"samples\": 200, \"layers\": [16], \"activation\": \"tanh\", \"learningRate\": 0.03,"
                    + " \"batchSize\": 32, \"epochs\": 150}");
            assertEquals(200, started.status(), started.body());
            Events.Event run = events.next("run", e -> true);
            assertEquals("regression", run.get("task"));
            assertEquals("1 → 16 tanh → 1 linear", run.get("network"));
            assertEquals("mse", run.get("loss"));
            events.state("finished");
            Events.Event last = events.last("frame");
            assertNull(last.get("accuracy"));
            Map<String, Object> fit = (Map<String, Object>) last.get("prediction");
            assertEquals(200, ((List<?>) fit.get("x")).size());
            assertEquals(200, ((List<?>) fit.get("y")).size());
            List<Double> losses = (List<Double>) ((Map<String, Object>) last.get("curve")).get("loss");
            assertTrue(losses.get(losses.size() - 1) < 0.1, "sin(πx) fitted: " + losses.get(losses.size() - 1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeSpiralArmsUseSoftmaxAndTheGridNamesAClassPerCell() {
        String session = client.session();
        try (Events events = client.events(session)) {
            client.post("/api/sessions/" + session + "/start", "{\"dataset\": \"spirals\", \"samples\": 150,"
                    + " \"layers\": [16, 16], \"activation\": \"relu\", \"epochs\": 10}");
            Events.Event run = events.next("run", e -> true);
            assertEquals(List.of(2.0, 16.0, 16.0, 3.0), run.get("widths"));
            assertEquals("cross_entropy", run.get("loss"));
            assertEquals(List.of("arm0", "arm1", "arm2"), run.get("classes"));
            events.state("finished");
            Map<String, Object> grid = (Map<String, Object>) events.last("frame").get("prediction");
            List<Double> classes = (List<Double>) grid.get("class");
            assertEquals(2500, classes.size());
            assertTrue(classes.stream().allMatch(c -> c >= 0 && c <= 2));
        }
    }

    @Test
    void aValidationSplitHoldsOutRowsAndEarlyStoppingStopsWhenItsCurveTurns() {
        String session = client.session();
        try (Events events = client.events(session)) {
            Client.Reply started = client.post("/api/sessions/" + session + "/start", "{\"dataset\": \"moons\","
                    + " \"samples\": 200, \"noise\": 0.3, \"layers\": [32, 32], \"activation\": \"relu\","
                    + " \"learningRate\": 0.05, \"batchSize\": 16, \"epochs\": 3000, \"validationSplit\": 0.25,"
                    + " \"earlyStopping\": true, \"patience\": 5}");
            assertEquals(200, started.status(), started.body());
            Events.Event run = events.next("run", e -> true);
            assertEquals(150.0, run.number("trainRows"));
            assertEquals(50.0, run.number("validationRows"));
            Events.Event end = events.state("finished");
            assertTrue(((String) end.get("message")).contains("early stopping"), end.toString());
            assertTrue(((String) end.get("message")).contains("were put back"), end.toString());
            Events.Event last = events.last("frame");
            assertTrue(last.number("epoch") < 3000, "stopped early: " + last.number("epoch"));
            assertTrue(last.number("validationLoss") > 0 && last.number("validationAccuracy") > 0.7, last.toString());
        }
    }

    @Test
    void aRunThatBlowsUpFailsWithTheReasonAndTheServerCarriesOn() {
        String session = client.session();
        try (Events events = client.events(session)) {
            client.post("/api/sessions/" + session + "/start", "{\"dataset\": \"noisy_sine\", \"layers\": [64, 64],"
                    + " \"activation\": \"relu\", \"optimizer\": \"sgd\", \"learningRate\": 10, \"epochs\": 50}");
            Events.Event failed = events.state("failed");
            assertTrue(((String) failed.get("message")).contains("learning rate"), failed.toString());
            Client.Reply again = client.post("/api/sessions/" + session + "/start", xor("\"epochs\": 3"));
            assertEquals(200, again.status(), again.body());
            events.state("finished");
        }
    }

    // ---- refusals ----

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                Arguments.of("\"layers\": [65]", "A hidden layer has 1 to 64 units, got 65"),
                Arguments.of("\"layers\": [0]", "A hidden layer has 1 to 64 units, got 0"),
                Arguments.of("\"layers\": [4, 4, 4, 4, 4]", "At most 4 hidden layers, got 5"),
                Arguments.of("\"layers\": [2.5]", "must be a whole number"),
                Arguments.of("\"layers\": \"4\"", "'layers' must be a list"),
                Arguments.of("\"epochs\": 5001", "'epochs' must be from 1 to 5000, got 5001"),
                Arguments.of("\"epochs\": 0", "'epochs' must be from 1 to 5000, got 0"),
                Arguments.of("\"epochs\": \"100\"", "'epochs' must be a whole number, got \"100\""),
                Arguments.of("\"batchSize\": 0", "'batchSize' must be from 1 to 1024, got 0"),
                Arguments.of("\"batchSize\": 1025", "'batchSize' must be from 1 to 1024, got 1025"),
                Arguments.of("\"learningRate\": 0", "'learningRate' must be in (0, 10], got 0"),
                Arguments.of("\"learningRate\": -0.1", "'learningRate' must be in (0, 10], got -0.1"),
                Arguments.of("\"learningRate\": 10.5", "'learningRate' must be in (0, 10], got 10.5"),
                Arguments.of("\"learningRate\": null", "'learningRate' must be a number, got null"),
                Arguments.of("\"samples\": 5000", "'samples' must be from 10 to 2000"),
                Arguments.of("\"noise\": 3", "'noise' must be in [0, 1], got 3"),
                Arguments.of("\"l1\": -1", "'l1' must be in [0, 1]"),
                Arguments.of("\"l2\": 2", "'l2' must be in [0, 1]"),
                Arguments.of("\"dropout\": 0.95", "'dropout' must be in [0, 0.9]"),
                Arguments.of("\"validationSplit\": 0.6", "'validationSplit' must be in [0, 0.5]"),
                Arguments.of("\"validationSplit\": 0.1", "leaves 4 for training and 0 for validation"),
                Arguments.of("\"earlyStopping\": true", "set a validation split"),
                Arguments.of("\"earlyStopping\": \"yes\"", "'earlyStopping' must be true or false"),
                Arguments.of("\"patience\": 0", "'patience' must be from 1 to 1000"),
                Arguments.of("\"seed\": -1", "'seed' must be from 0 to 2147483647"),
                Arguments.of("\"speed\": 20000", "'speed' must be from 0 to 10000"),
                Arguments.of("\"dataset\": \"mnist\"", "Unknown dataset 'mnist'. Available: xor, and, or, moons,"),
                Arguments.of("\"activation\": \"relux\"", "Unknown activation 'relux'. Available: "),
                Arguments.of("\"activation\": \"\"", "'activation' must be a name"),
                Arguments.of("\"activation\": \"leaky_relu(beta=2)\"", "Unknown parameter 'beta'"),
                Arguments.of("\"loss\": \"hinge\"", "Unknown loss 'hinge'"),
                Arguments.of("\"optimizer\": \"adam(lr=1)\"", "by name only"),
                Arguments.of("\"optimizer\": \"sgdd\"", "Unknown optimizer 'sgdd'"),
                Arguments.of("\"dataset\": \"noisy_sine\", \"loss\": \"cross_entropy\"", "is a regression"),
                Arguments.of("\"colour\": \"blue\"", "Unknown setting 'colour'. Known: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfBounds")
    void settingsOutOfBoundsAre400WithAMessageForThePage(String setting, String message) {
        String session = client.session();
        for (String action : new String[]{"start", "reset"}) {
            Client.Reply reply = client.post("/api/sessions/" + session + "/" + action, xor(setting));
            assertEquals(400, reply.status(), action + " " + setting + ": " + reply.body());
            assertEquals("application/json; charset=utf-8", reply.header("Content-Type"));
            assertTrue(reply.error().contains(message), "expected '" + message + "' in: " + reply.error());
        }
        client.send("DELETE", "/api/sessions/" + session);
    }

    @Test
    void aRefusedStartLeavesTheRunningRunAlone() {
        String session = client.session();
        try (Events events = client.events(session)) {
            client.post("/api/sessions/" + session + "/start", xor("\"speed\": 50"));
            events.state("running");
            assertEquals(400, client.post("/api/sessions/" + session + "/start", xor("\"epochs\": 9999")).status());
            Client.Reply pause = client.post("/api/sessions/" + session + "/pause", "{}");
            assertEquals(200, pause.status(), "the first run still trains: " + pause.body());
            assertEquals(1.0, ((Number) pause.json().get("run")).doubleValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"dataset\": }", "[1, 2]", "nul", "\"xor\"", "{\"epochs\": 1e999}",
            "{\"dataset\": \"xor\", \"dataset\": \"or\"}", "{\"a\": \"\\q\"}", "{} {}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"})
    void malformedJsonIs400AndSaysWhy(String body) {
        String session = client.session();
        Client.Reply reply = client.post("/api/sessions/" + session + "/start", body);
        assertEquals(400, reply.status(), body + " → " + reply.body());
        assertTrue(reply.error().contains("JSON") || reply.error().contains("must be a JSON object"), reply.error());
        client.send("DELETE", "/api/sessions/" + session);
    }

    @Test
    void aPostThatIsNotJsonIs415() {
        String session = client.session();
        Client.Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base + "/api/sessions/" + session
                + "/start")).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(xor(""))));
        assertEquals(415, reply.status(), reply.body());
        assertTrue(reply.error().contains("application/json"), reply.error());
        client.send("DELETE", "/api/sessions/" + session);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/index.htm", "/api", "/api/nope", "/api/sessions/abc/start",
            "/api/sessions/0123456789ABCDEF0123456789ABCDEF/events", "/%2e%2e/%2e%2e/etc/passwd", "/playground.js/x"})
    void unknownPathsAre404(String path) {
        for (Client.Reply reply : List.of(client.get(path), client.post(path, "{}"))) {
            assertEquals(404, reply.status(), path + ": " + reply.body());
            assertTrue(reply.error().startsWith("Nothing at "), reply.error());
        }
    }

    @Test
    void unknownSessionsAre404() {
        String unknown = "/api/sessions/0123456789abcdef0123456789abcdef";
        for (Client.Reply reply : List.of(client.post(unknown + "/start", xor("")), client.post(unknown + "/pause", "{}"),
                client.get(unknown + "/events"), client.send("DELETE", unknown))) {
            assertEquals(404, reply.status(), reply.body());
            assertTrue(reply.error().contains("Reload the page"), reply.error());
        }
    }

    @Test
    void wrongMethodsAre405AndSayWhichOneTheyTake() {
        String session = client.session();
        String[][] cases = {
                {"DELETE", "/", "GET"}, {"POST", "/playground.js", "GET"}, {"PUT", "/api/options", "GET"},
                {"GET", "/api/sessions", "POST"}, {"GET", "/api/sessions/" + session + "/start", "POST"},
                {"PUT", "/api/sessions/" + session, "DELETE"}, {"POST", "/api/sessions/" + session + "/events", "GET"},
                {"HEAD", "/api/options", "GET"}};
        for (String[] c : cases) {
            Client.Reply reply = client.send(c[0], c[1]);
            assertEquals(405, reply.status(), c[0] + " " + c[1] + ": " + reply.body());
            assertEquals(c[2], reply.header("Allow"), c[0] + " " + c[1]);
            if (!c[0].equals("HEAD")) {
                assertTrue(reply.error().contains("use " + c[2]), reply.error());
            }
        }
        client.send("DELETE", "/api/sessions/" + session);
    }

    @Test
    void bodiesOver16KiBAre413() throws IOException {
        String session = client.session();
        String huge = "{\"dataset\": \"" + "x".repeat(20_000) + "\"}";
        Client.Reply sized = client.post("/api/sessions/" + session + "/start", huge);
        assertEquals(413, sized.status(), "with a Content-Length");
        assertTrue(sized.error().contains("larger than 16 KiB"), sized.error());

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        Client.Reply chunked = client.send(HttpRequest.newBuilder(URI.create(client.base + "/api/sessions/" + session
                        + "/start")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertEquals(413, chunked.status(), "chunked, without a length");

        String claimed = raw("POST /api/sessions/" + session + "/start HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5000000000\r\n\r\n{\"dataset\"");
        assertTrue(claimed.startsWith("HTTP/1.1 413"), "a claimed length is refused before reading: " + claimed);
        client.send("DELETE", "/api/sessions/" + session);
    }

    @Test
    void theServerSurvivesGarbageAndHalfRequests() throws IOException {
        raw("\u0000\u0001\u0002 garbage \r\n\r\n");
        raw("GET /api/options HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n");
        raw("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"half");
        raw("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        try (Socket idle = new Socket("127.0.0.1", server.port())) {
            idle.getOutputStream().write("GET / HT".getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, client.get("/api/options").status(), "served while a request hangs half-written");
        }
        assertEquals(200, client.get("/api/options").status(), "still serving");
    }

    @Test
    void aRequestNamingAnotherHostIs403AgainstDnsRebinding() throws IOException {
        String foreign = raw("GET /api/options HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n\r\n");
        assertTrue(foreign.startsWith("HTTP/1.1 403"), foreign);
        assertTrue(foreign.contains("served from this machine"), foreign);
        String local = raw("GET /api/options HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n\r\n");
        assertTrue(local.startsWith("HTTP/1.1 200"), local);
    }

    /** Sends {@code request} as is on a new connection and returns what comes back before the server closes it. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(4096);
            return new String(reply, StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            return "(" + e + ")";
        }
    }

    // ---- sessions ----

    @Test
    void closingThePageStopsItsRunAndClosesItsSession() {
        String session = client.session();
        Events events = client.events(session);
        client.post("/api/sessions/" + session + "/start", xor("\"speed\": 20, \"epochs\": 5000"));
        events.state("running");
        assertTrue(training(), "a thread trains");
        events.close();
        waitFor(() -> client.post("/api/sessions/" + session + "/pause", "{}").status() == 404,
                "the session to close after its page went away");
        waitFor(() -> !training(), "the run to stop");
    }

    /** Whether some thread is inside the library's Trainer.fit. */
    static boolean training() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> Stream.of(stack)
                .anyMatch(f -> f.getClassName().equals("io.sinapse.core.Trainer") && f.getMethodName().equals("fit")));
    }

    static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aSessionWithoutAPageIsClosedAfterTheIdleTimeout() throws IOException {
        try (PlaygroundServer quick = PlaygroundServer.builder().idleTimeout(Duration.ofMillis(300)).build().start()) {
            Client c = new Client(quick);
            String session = c.session();
            assertEquals(200, c.post("/api/sessions/" + session + "/start", xor("\"speed\": 20")).status());
            // Only looking: any request for the session would count as the page being there.
            waitFor(() -> quick.sessionCount() == 0, "the idle session to close");
            assertEquals(404, c.post("/api/sessions/" + session + "/pause", "{}").status());
            waitFor(() -> !training(), "its run to stop");
        }
    }

    @Test
    void oneEventStreamPerSession() {
        String session = client.session();
        try (Events events = client.events(session)) {
            Client.Reply second = client.get("/api/sessions/" + session + "/events");
            assertEquals(409, second.status(), second.body());
            assertTrue(second.error().contains("already has an event stream"), second.error());
            assertEquals(200, client.post("/api/sessions/" + session + "/reset", xor("")).status(),
                    "the first stream's session still works");
            events.state("paused");
        }
    }

    @Test
    void deleteClosesTheSession() {
        String session = client.session();
        Events events = client.events(session);
        assertEquals(204, client.send("DELETE", "/api/sessions/" + session).status());
        events.next("end", e -> true, Duration.ofSeconds(5));
        assertEquals(404, client.get("/api/sessions/" + session + "/events").status());
        assertEquals(404, client.send("DELETE", "/api/sessions/" + session).status());
    }

    @Test
    void tooManySessionsIs503() throws IOException {
        try (PlaygroundServer small = PlaygroundServer.builder().maxSessions(2).build().start()) {
            Client c = new Client(small);
            c.session();
            c.session();
            Client.Reply third = c.post("/api/sessions", "{}");
            assertEquals(503, third.status(), third.body());
            assertTrue(third.error().contains("Too many playground pages are open (2)"), third.error());
        }
    }

    @Test
    void bindsToTheLoopbackInterfaceByDefault() {
        assertTrue(server.url().startsWith("http://127.0.0.1:" + server.port() + "/"), server.url());
    }
}
