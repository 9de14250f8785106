package io.tiergate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * A client of the platform's APIs that behaves as a careful one does through faults: it sends again what met a
 * dropped connection or a 5xx, and, since these APIs take no idempotency key, it first looks whether the earlier
 * attempt did commit (a write whose answer was lost), so that a retried change is made once.
 */
final class Client {

    /** How long a change may take through the faults: a restart, a PostgreSQL restart, a minute of Kafka away. */
    static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Client() {}

    /** An answer: its status and its body (missing when it is not JSON). */
    record Reply(int status, JsonNode body) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** A 5xx, or a 429: the service could not do it now, which says nothing of whether it will. */
        boolean unavailable() {
            return status >= 500 || status == 429;
        }

        String code() {
            return body.path("code").asText("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static Reply get(String url, String token) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static Reply post(String url, String token, Object body) throws IOException {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                token);
    }

    private static Reply send(HttpRequest.Builder request, String token) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), body == null ? MissingNode.getInstance() : body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads that look whether a change committed: an answer that says nothing (5xx) is no answer. */
    static Reply answered(Reply reply) throws IOException {
        if (reply.unavailable()) {
            throw new IOException("no answer: " + reply);
        }
        return reply;
    }

    /** A way to find out whether an earlier attempt of a change committed: its result if so, empty if not. */
    @FunctionalInterface
    interface Lookup<T> {
        Optional<T> find() throws IOException;
    }

    /** What a change's successful answer gives the caller (an id, say). */
    @FunctionalInterface
    interface Outcome<T> {
        T of(Reply reply);
    }

    /**
     * Makes one change: sends it until the service answers, looking before each resend whether a lost attempt had
     * committed. A refusal (4xx) of a first attempt is a failure of the flow; a refusal after a lost attempt is
     * looked into (the lost one may have committed since the last look).
     */
    static <T> T change(String what, Callable<Reply> send, Outcome<T> outcome, Lookup<T> lookup) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean mayHaveCommitted = false;
        int attempt = 0;
        Reply last = null;
        while (System.nanoTime() < deadline) {
            if (attempt++ > 0) {
                backOff(attempt);
            }
            try {
                if (mayHaveCommitted) {
                    Optional<T> done = lookup.find();
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                last = send.call();
            } catch (IOException | UncheckedIOException e) {
                mayHaveCommitted = true; // the connection broke: the request may or may not have been done
                continue;
            } catch (Exception e) {
                throw new IllegalStateException(what + " failed", e);
            }
            if (last.succeeded()) {
                return outcome.of(last);
            }
            if (!last.unavailable() && !mayHaveCommitted) {
                throw new AssertionError(what + " refused: " + last);
            }
            mayHaveCommitted = true;
        }
        throw new AssertionError(what + " did not succeed within " + PATIENCE + "; last answer " + last);
    }

    /** A read, sent until the service answers it with 200. */
    static Reply read(String what, Callable<Reply> send) {
        return change(what, send, reply -> reply, Optional::empty);
    }

    /** Back-off between attempts: quick at first, then at most a second apart. */
    private static void backOff(int attempt) {
        LockSupport.parkNanos(Duration.ofMillis(Math.min(1000, 100L * attempt)).toNanos());
    }
}
