package io.tiergate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The test receiver reads what OpenTelemetry's own OTLP marshaler writes, plain or gzipped. */
class OtlpReceiverTest {

    private static List<SpanData> twoSpans() {
        List<SpanData> ended = new CopyOnWriteArrayList<>();
        SpanExporter keep = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                ended.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "tier-service", AttributeKey.longKey("n"), 7L)))
                .addSpanProcessor(SimpleSpanProcessor.create(keep))
                .build()) {
            Tracer tracer = provider.get("test");
            Span root = tracer.spanBuilder("POST /v1/verifications")
                    .setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.response.status_code", 201L)
                    .startSpan();
            Span child = tracer.spanBuilder("process tiergate.identity.verification.verified")
                    .setParent(Context.root().with(root))
                    .setSpanKind(SpanKind.CONSUMER)
                    .startSpan();
            child.end();
            root.end();
        }
        return ended;
    }

    private static byte[] request(List<SpanData> spans) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(out);
        return out.toByteArray();
    }

    @Test
    void decodesAnExportRequest() throws IOException {
        List<SpanData> spans = twoSpans();
        List<OtlpReceiver.ReceivedSpan> received = OtlpReceiver.decode(request(spans));
        assertEquals(2, received.size());
        SpanData child = spans.get(0);
        SpanData root = spans.get(1);
        OtlpReceiver.ReceivedSpan first = received.stream()
                .filter(s -> s.spanId().equals(child.getSpanId()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                new OtlpReceiver.ReceivedSpan(
                        "tier-service",
                        child.getTraceId(),
                        child.getSpanId(),
                        root.getSpanId(),
                        "process tiergate.identity.verification.verified",
                        OtlpReceiver.KIND_CONSUMER),
                first);
        OtlpReceiver.ReceivedSpan second = received.stream()
                .filter(s -> s.spanId().equals(root.getSpanId()))
                .findFirst()
                .orElseThrow();
        assertEquals("", second.parentSpanId());
        assertEquals(OtlpReceiver.KIND_SERVER, second.kind());
    }

    @Test
    void acceptsRequestsOverHttpPlainAndGzipped() throws Exception {
        byte[] plain = request(twoSpans());
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain);
        }
        HttpClient client = HttpClient.newHttpClient();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            for (boolean gzip : new boolean[] {false, true}) {
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? zipped.toByteArray() : plain));
                if (gzip) {
                    post.header("Content-Encoding", "gzip");
                }
                assertEquals(
                        200,
                        client.send(post.build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode());
            }
            assertEquals(4, receiver.spans().size());
            HttpRequest garbage = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x0a, (byte) 0x7f}))
                    .build();
            assertEquals(
                    400,
                    client.send(garbage, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }
}
