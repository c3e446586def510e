package io.sinapse.playground;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A java.net.http client for one playground server, with JSON in and out. */
final class Client {

    /** One answer: its status, its body, and the body read as JSON (null when it is not). */
    record Reply(int status, String body, HttpResponse<String> response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return (Map<String, Object>) Json.parse(body);
            } catch (Json.SyntaxException e) {
                throw new AssertionError("Not a JSON object: " + body, e);
            }
        }

        String error() {
            return (String) json().get("error");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    Client(PlaygroundServer server) {
        this.base = "http://127.0.0.1:" + server.port();
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("The request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A new session's id. */
    String session() {
        Reply reply = post("/api/sessions", "{}");
        if (reply.status() != 201) {
            throw new AssertionError("Expected 201 for a new session, got " + reply.status() + ": " + reply.body());
        }
        return (String) reply.json().get("session");
    }

    /** Opens the session's event stream and waits for its hello. */
    Events events(String session) {
        return Events.open(http, URI.create(base + "/api/sessions/" + session + "/events"));
    }
}
