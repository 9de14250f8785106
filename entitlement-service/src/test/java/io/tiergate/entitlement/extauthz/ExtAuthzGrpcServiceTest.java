package io.tiergate.entitlement.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.envoyproxy.envoy.config.core.v3.HeaderMap;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a CheckRequest from Envoy is read, on the wire as Envoy sends it (Envoy's protos, this runtime). */
class ExtAuthzGrpcServiceTest {

    @Test
    void headersAreReadFromTheMapAndFromEnvoysRawHeaderMap() throws Exception {
        CheckRequest plain = parsed(AttributeContext.HttpRequest.newBuilder()
                .setPath("/mythos-5/chat/completions")
                .putHeaders("x-tiergate-subject", "s-1")
                .build());
        assertEquals(
                Map.of("x-tiergate-subject", "s-1"),
                ExtAuthzGrpcService.headers(plain.getAttributes().getRequest().getHttp()));

        // encode_raw_headers: names as sent, values as bytes; a repeated header joins as HTTP does
        CheckRequest raw = parsed(AttributeContext.HttpRequest.newBuilder()
                .setHeaderMap(HeaderMap.newBuilder()
                        .addHeaders(raw("X-Tiergate-Subject", "s-2"))
                        .addHeaders(raw("x-tiergate-capability", "mythos-5:chat"))
                        .addHeaders(raw("accept", "a"))
                        .addHeaders(raw("Accept", "b")))
                .build());
        assertEquals(
                Map.of("x-tiergate-subject", "s-2", "x-tiergate-capability", "mythos-5:chat", "accept", "a,b"),
                ExtAuthzGrpcService.headers(raw.getAttributes().getRequest().getHttp()));
    }

    @Test
    void theCapabilityComesFromThePathWithoutItsQuery() {
        assertEquals("/mythos-5/chat/completions", ExtAuthzGrpcService.pathOf("/mythos-5/chat/completions?s=1&t=2"));
        assertEquals("/mythos-5/chat", ExtAuthzGrpcService.pathOf("/mythos-5/chat"));
        assertEquals(
                "mythos-5:chat", ExtAuthzCheck.capability(ExtAuthzGrpcService.pathOf("/mythos-5/chat?x=/a/b"), null));
    }

    private static HeaderValue raw(String name, String value) {
        return HeaderValue.newBuilder()
                .setKey(name)
                .setRawValue(ByteString.copyFrom(value, StandardCharsets.UTF_8))
                .build();
    }

    /** Through bytes, as the request arrives: Envoy's generated code on the platform's protobuf runtime. */
    private static CheckRequest parsed(AttributeContext.HttpRequest http) throws Exception {
        CheckRequest sent = CheckRequest.newBuilder()
                .setAttributes(AttributeContext.newBuilder()
                        .setRequest(AttributeContext.Request.newBuilder().setHttp(http)))
                .build();
        CheckRequest received = CheckRequest.parseFrom(sent.toByteArray());
        assertEquals(sent, received);
        return received;
    }
}
