package io.tiergate.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** One endpoint under load: what to send, and which status codes count as a served answer. */
record Target(
        String name, HttpMethod method, URI uri, Map<String, String> headers, List<Buffer> bodies, int expectedStatus) {

    Buffer nextBody() {
        return bodies.isEmpty() ? null : bodies.get(ThreadLocalRandom.current().nextInt(bodies.size()));
    }
}
