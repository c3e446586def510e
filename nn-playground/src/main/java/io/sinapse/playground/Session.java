package io.sinapse.playground;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One open page: its event stream and its one training run. The page creates a session, listens to its events
 * (Server-Sent Events) and drives its run; a new run replaces the old one. When the page goes away (the stream
 * breaks) or nobody has asked for anything for the idle timeout, the server closes the session, which stops its
 * run.
 *
 * <p>Events wait in an outbox until the stream writes them. A frame (the pictures of one moment) replaces a frame
 * still waiting, so a slow page gets the latest picture rather than a backlog; other events keep their order.
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** A page that reads nothing for this long loses its oldest events rather than the server its memory. */
    private static final int MAX_WAITING = 256;

    /** One Server-Sent Event: its type and its JSON data; a {@code frame} may be replaced by a newer one. */
    record Event(String type, String data) {
        boolean replaceable() {
            return type.equals("frame");
        }
    }

    final String id;
    private final Deque<Event> outbox = new ArrayDeque<>();
    private volatile long lastSeen = System.nanoTime();
    private boolean streaming;
    private boolean closed;
    private TrainingRun run;
    private int runs;

    Session(String id) {
        this.id = id;
    }

    /** Notes that the page asked for something, which keeps the session from the idle timeout. */
    void touch() {
        lastSeen = System.nanoTime();
    }

    synchronized boolean idleFor(long nanos) {
        return !streaming && System.nanoTime() - lastSeen > nanos;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Queues an event for the page; {@code data} is written as JSON first, outside the lock the stream needs. */
    void send(String type, Object data) {
        Event event = new Event(type, Json.write(data));
        synchronized (this) {
            if (closed) {
                return;
            }
            if (event.replaceable() && !outbox.isEmpty() && outbox.peekLast().replaceable()) {
                outbox.pollLast();
            }
            outbox.addLast(event);
            while (outbox.size() > MAX_WAITING) {
                outbox.pollFirst();
            }
            notifyAll();
        }
    }

    /**
     * Writes this session's events to {@code out} as Server-Sent Events until the session closes, with a comment
     * line every {@code heartbeatMillis} when there is nothing to say, so that a page that went away is noticed
     * (the write fails).
     *
     * @throws IOException when the page is gone; the caller closes the session
     * @throws HttpError   409 when another stream already reads this session
     */
    void stream(OutputStream out, long heartbeatMillis, Runnable beforeFirstWrite) throws IOException {
        synchronized (this) {
            if (streaming) {
                throw HttpError.conflict("This session already has an event stream open; one page, one stream.");
            }
            if (closed) {
                throw new HttpError(404, "The session " + id + " has been closed; reload the page.");
            }
            streaming = true;
        }
        beforeFirstWrite.run();
        try {
            write(out, List.of(new Event("hello", Json.write(Json.object("session", id)))));
            while (true) {
                List<Event> batch;
                synchronized (this) {
                    long deadline = System.currentTimeMillis() + heartbeatMillis;
                    long wait;
                    while (outbox.isEmpty() && !closed && (wait = deadline - System.currentTimeMillis()) > 0) {
                        try {
                            wait(wait);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (closed) {
                        return;
                    }
                    batch = new ArrayList<>(outbox);
                    outbox.clear();
                }
                write(out, batch);
                touch();
            }
        } finally {
            synchronized (this) {
                streaming = false;
            }
        }
    }

    private static void write(OutputStream out, List<Event> events) throws IOException {
        StringBuilder text = new StringBuilder();
        if (events.isEmpty()) {
            text.append(": keep-alive\n\n");
        }
        for (Event event : events) {
            text.append("event: ").append(event.type()).append('\n')
                    .append("data: ").append(event.data()).append("\n\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Replaces the run (stopping the old one) with a new run of {@code model}, running or paused at epoch 0. */
    void startRun(Model model, boolean paused, Executor executor, long frameIntervalMillis) {
        TrainingRun next;
        synchronized (this) {
            if (closed) {
                throw new HttpError(404, "The session " + id + " has been closed; reload the page.");
            }
            if (run != null) {
                run.stop();
            }
            next = new TrainingRun(++runs, model, this, frameIntervalMillis);
            run = next;
            send("run", next.describe());
        }
        next.start(executor, paused);
    }

    /** Stops and forgets the run, if any. */
    synchronized void stopRun() {
        if (run != null) {
            run.stop();
            run = null;
        }
    }

    /**
     * The run that can still train.
     *
     * @throws HttpError 409 when there is none, or it has ended
     */
    synchronized TrainingRun liveRun(String action) {
        if (run == null) {
            throw HttpError.conflict("Nothing to " + action + ": start a run first.");
        }
        if (run.ended()) {
            throw HttpError.conflict("Nothing to " + action + ": the run has ended (" + run.state().word()
                    + "); start a new one.");
        }
        return run;
    }

    synchronized TrainingRun run() {
        return run;
    }

    /** Stops the run and ends the event stream. */
    void close() {
        TrainingRun last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            last = run;
            run = null;
            outbox.clear();
            notifyAll();
        }
        if (last != null) {
            last.stop();
        }
        LOG.debug("Session {} closed", id);
    }
}
