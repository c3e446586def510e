package io.sinapse.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A session's Server-Sent Events as a test reads them: each event parsed, queued, awaited by type. */
final class Events implements AutoCloseable {

    /** One event: its type and its JSON data. */
    record Event(String type, Map<String, Object> data) {
        Object get(String key) {
            return data.get(key);
        }

        double number(String key) {
            return ((Number) data.get(key)).doubleValue();
        }

        @Override
        public String toString() {
            return type + " " + Json.write(data);
        }
    }

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private Events(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "test-events");
        reader.setDaemon(true);
        reader.start();
    }

    static Events open(HttpClient http, URI uri) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new AssertionError("Expected the event stream, got " + response.statusCode() + ": " + text);
            }
            Events events = new Events(response.body());
            events.next("hello", e -> true, Duration.ofSeconds(5));
            return events;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (type != null) {
                        queue.add(new Event(type, (Map<String, Object>) Json.parse(data.toString())));
                    }
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            queue.add(new Event("end", Map.of()));
        } catch (IOException | Json.SyntaxException e) {
            queue.add(new Event("end", Map.of("reason", e.toString())));
        }
    }

    /** The next event of {@code type} that {@code test} accepts, skipping others; fails after {@code timeout}. */
    Event next(String type, Predicate<Event> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No '" + type + "' event as expected within " + timeout
                            + "; the events seen were:\n" + String.join("\n", seen.stream().map(Event::toString)
                            .map(s -> s.length() > 300 ? s.substring(0, 300) + "…" : s).toList()));
                }
                seen.add(event);
                if (event.type().equals(type) && test.test(event)) {
                    return event;
                }
                if (event.type().equals("end") && !type.equals("end")) {
                    throw new AssertionError("The stream ended while waiting for '" + type + "': " + event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Event next(String type, Predicate<Event> test) {
        return next(type, test, Duration.ofSeconds(20));
    }

    /** Reads events until none has come for {@code quiet}, then returns the last of {@code type} read so far. */
    Event settle(String type, Duration quiet) {
        try {
            Event event;
            while ((event = queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                seen.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return last(type);
    }

    /** The last event of {@code type} read so far (by {@link #next}), or null. */
    Event last(String type) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).type().equals(type)) {
                return seen.get(i);
            }
        }
        return null;
    }

    /** The next state event saying {@code state}. */
    Event state(String state) {
        return next("state", e -> state.equals(e.get("state")));
    }

    /** Hangs up, as a closed tab does. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
