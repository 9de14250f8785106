package io.tiergate.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver for tests: accepts {@code application/x-protobuf} export requests on {@code /v1/traces}
 * (gzip or not) on a free loopback port and keeps each span's service, ids, name and kind. It reads the protobuf wire
 * format itself, only the fields it keeps, so it needs none of OpenTelemetry's generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, {@code parentSpanId} empty for a root span. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {}

    static final int KIND_SERVER = 2;
    static final int KIND_CONSUMER = 5;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** The base URL an exporter is given; it posts to {@code /v1/traces} under it. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] request = body.readAllBytes();
            try {
                spans.addAll(decode(request));
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; }   KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { string string_value = 1; ... }         ScopeSpans { InstrumentationScope scope = 1; repeated Span
    // spans = 2; }
    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5;
    //        SpanKind kind = 6; ... }

    static List<ReceivedSpan> decode(byte[] request) {
        List<ReceivedSpan> out = new ArrayList<>();
        Wire top = new Wire(request);
        while (top.more()) {
            int field = top.tag();
            if (field == 1) {
                resourceSpans(top.bytes(), out);
            } else {
                top.skip();
            }
        }
        return out;
    }

    private static void resourceSpans(byte[] message, List<ReceivedSpan> out) {
        Wire wire = new Wire(message);
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        while (wire.more()) {
            int field = wire.tag();
            if (field == 1) {
                service = serviceName(wire.bytes(), service);
            } else if (field == 2) {
                scopes.add(wire.bytes());
            } else {
                wire.skip();
            }
        }
        for (byte[] scope : scopes) {
            Wire scopeWire = new Wire(scope);
            while (scopeWire.more()) {
                int field = scopeWire.tag();
                if (field == 2) {
                    out.add(span(service, scopeWire.bytes()));
                } else {
                    scopeWire.skip();
                }
            }
        }
    }

    private static String serviceName(byte[] resource, String otherwise) {
        Wire wire = new Wire(resource);
        while (wire.more()) {
            int field = wire.tag();
            if (field != 1) {
                wire.skip();
                continue;
            }
            Wire attribute = new Wire(wire.bytes());
            String key = null;
            String value = null;
            while (attribute.more()) {
                int f = attribute.tag();
                if (f == 1) {
                    key = attribute.string();
                } else if (f == 2) {
                    Wire any = new Wire(attribute.bytes());
                    while (any.more()) {
                        if (any.tag() == 1) {
                            value = any.string();
                        } else {
                            any.skip();
                        }
                    }
                } else {
                    attribute.skip();
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return otherwise;
    }

    private static ReceivedSpan span(String service, byte[] message) {
        Wire wire = new Wire(message);
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (wire.more()) {
            switch (wire.tag()) {
                case 1 -> traceId = HexFormat.of().formatHex(wire.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(wire.bytes());
                case 4 -> parent = HexFormat.of().formatHex(wire.bytes());
                case 5 -> name = wire.string();
                case 6 -> kind = (int) wire.varint();
                default -> wire.skip();
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** A reader of protobuf's wire format: tags, varints, length-delimited fields; skips fixed-width ones. */
    private static final class Wire {
        private final byte[] message;
        private int position;
        private int wireType;

        Wire(byte[] message) {
            this.message = message;
        }

        boolean more() {
            return position < message.length;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= message.length) {
                    throw new IllegalArgumentException("truncated varint");
                }
                int b = message[position++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        byte[] bytes() {
            if (wireType != 2) {
                throw new IllegalArgumentException("not length-delimited: wire type " + wireType);
            }
            long length = varint();
            return take(length);
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> take(8);
                case 2 -> bytes();
                case 5 -> take(4);
                default -> throw new IllegalArgumentException("wire type " + wireType);
            }
        }

        private byte[] take(long length) {
            if (length < 0 || length > message.length - position) {
                throw new IllegalArgumentException("truncated field");
            }
            byte[] field = Arrays.copyOfRange(message, position, position + (int) length);
            position += (int) length;
            return field;
        }
    }
}
