package io.tiergate.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of audit-service's proof endpoint: it passes every call through to the real service, but flips
 * one bit of the first hash of each inclusion proof it serves, as a compromised server would.
 */
final class TamperingProofDouble implements AutoCloseable {

    private static final Pattern FIRST_PROOF_HASH = Pattern.compile("(\"proof\"\\s*:\\s*\\[\\s*\")([^\"]+)(\")");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;

    TamperingProofDouble(String upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::pass);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .method(
                            exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    exchange.getRequestBody().readAllBytes()));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.header("Accept", "application/json");
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (exchange.getRequestURI().getPath().equals("/v1/proofs/inclusion")) {
                body = tamper(body);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            response.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tamper(String proof) {
        Matcher m = FIRST_PROOF_HASH.matcher(proof);
        if (!m.find()) {
            return proof;
        }
        byte[] hash = Base64.getDecoder().decode(m.group(2));
        hash[0] ^= 0x01;
        return proof.substring(0, m.start(2)) + Base64.getEncoder().encodeToString(hash) + proof.substring(m.end(2));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
