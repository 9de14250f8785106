package io.tiergate.entitlement.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.Code;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.decision.DecisionResourceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Envoy's gRPC ext_authz protocol, called as Envoy calls it: {@code Authorization/Check} over HTTP/2 on the service's
 * port, with a client built from Envoy's published protos and the gateway's token in the call's metadata.
 */
@QuarkusTest
class ExtAuthzGrpcIT {

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", RestAssured.port, InsecureChannelCredentials.create())
                .build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anEntitledRequestIsAllowedWithTheDecisionInHeaders() {
        DecisionResourceIT.Customer researcher = DecisionResourceIT.customer("US", "RESEARCH");
        CheckResponse answer = as(KeycloakTokens.gateway())
                .check(request(
                        "/mythos-5/chat/completions?stream=true",
                        Map.of(
                                "x-tiergate-subject", researcher.subject(),
                                "x-tiergate-jurisdiction", "US",
                                "x-tiergate-consistency-token", researcher.token())));
        assertEquals(Code.OK_VALUE, answer.getStatus().getCode());
        Map<String, String> upstream = headers(answer.getOkResponse().getHeadersList());
        assertEquals("ALLOW", upstream.get("x-tiergate-decision"));
        assertEquals("ENTITLED", upstream.get("x-tiergate-reasons"));
        // the client sees the decision id, not the reasons
        Map<String, String> toClient = headers(answer.getOkResponse().getResponseHeadersToAddList());
        assertEquals(upstream.get("x-tiergate-decision-id"), toClient.get("x-tiergate-decision-id"));
        assertTrue(!toClient.containsKey("x-tiergate-reasons"), toClient::toString);
    }

    @Test
    void aDenyIsPermissionDeniedWithA403ForTheClient() throws Exception {
        DecisionResourceIT.Customer researcher = DecisionResourceIT.customer("US", "RESEARCH");
        CheckResponse answer = as(KeycloakTokens.gateway())
                .check(request(
                        "/mythos-5/cyber/scan",
                        Map.of(
                                "x-tiergate-subject", researcher.subject(),
                                "x-tiergate-jurisdiction", "US",
                                "x-tiergate-consistency-token", researcher.token())));
        assertEquals(Code.PERMISSION_DENIED_VALUE, answer.getStatus().getCode());
        assertEquals(403, answer.getDeniedResponse().getStatus().getCodeValue());
        Map<String, String> headers = headers(answer.getDeniedResponse().getHeadersList());
        assertEquals("DENY", headers.get("x-tiergate-decision"));
        assertTrue(headers.get("x-tiergate-reasons").contains("TIER_NOT_ENTITLED"), headers::toString);
        JsonNode body = new ObjectMapper().readTree(answer.getDeniedResponse().getBody());
        assertEquals("DENY", body.get("decision").asText());
        assertEquals(
                headers.get("x-tiergate-decision-id"), body.get("decisionId").asText());
    }

    @Test
    void aCheckWithoutASubjectIsUnauthenticatedWithA401() throws Exception {
        CheckResponse answer = as(KeycloakTokens.gateway()).check(request("/mythos-5/chat", Map.of()));
        assertEquals(Code.UNAUTHENTICATED_VALUE, answer.getStatus().getCode());
        assertEquals(401, answer.getDeniedResponse().getStatus().getCodeValue());
        Map<String, String> headers = headers(answer.getDeniedResponse().getHeadersList());
        assertEquals("SUBJECT_REQUIRED", headers.get("x-tiergate-reasons"));
        assertEquals("Bearer", headers.get("www-authenticate"));
        assertEquals("application/problem+json", headers.get("content-type"));
        assertEquals(
                "SUBJECT_REQUIRED",
                new ObjectMapper()
                        .readTree(answer.getDeniedResponse().getBody())
                        .get("code")
                        .asText());
    }

    @Test
    void theClientAddressIsThePeerEnvoySawUnlessTheGatewayNamesIt() {
        CheckRequest fromPeer =
                request(
                                "/mythos-5/chat",
                                Map.of("x-tiergate-subject", UUID.randomUUID().toString()))
                        .toBuilder()
                        .setAttributes(
                                request("/mythos-5/chat", Map.of("x-tiergate-subject", "s")).getAttributes().toBuilder()
                                        .setSource(AttributeContext.Peer.newBuilder()
                                                .setAddress(Address.newBuilder()
                                                        .setSocketAddress(SocketAddress.newBuilder()
                                                                .setAddress("not-an-address")
                                                                .setPortValue(443)))))
                        .build();
        CheckResponse refused = as(KeycloakTokens.gateway()).check(fromPeer);
        assertEquals(Code.PERMISSION_DENIED_VALUE, refused.getStatus().getCode());
        assertEquals(
                "INVALID_CLIENT_IP",
                headers(refused.getDeniedResponse().getHeadersList()).get("x-tiergate-reasons"));
    }

    @Test
    void onlyAGatewayMayCallCheck() {
        CheckRequest request = request(
                "/mythos-5/chat", Map.of("x-tiergate-subject", UUID.randomUUID().toString()));
        StatusRuntimeException anonymous = assertThrows(
                StatusRuntimeException.class,
                () -> AuthorizationGrpc.newBlockingStub(channel).check(request));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        StatusRuntimeException forged = assertThrows(
                StatusRuntimeException.class, () -> as("not.a.token").check(request));
        assertEquals(Status.Code.UNAUTHENTICATED, forged.getStatus().getCode());
        for (String user : List.of(KeycloakTokens.BOB, KeycloakTokens.AUDREY, KeycloakTokens.OLIVIA)) {
            StatusRuntimeException refused = assertThrows(
                    StatusRuntimeException.class,
                    () -> as(KeycloakTokens.user(user)).check(request));
            assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode(), user);
        }
    }

    private AuthorizationGrpc.AuthorizationBlockingStub as(String token) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return AuthorizationGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static CheckRequest request(String path, Map<String, String> headers) {
        return CheckRequest.newBuilder()
                .setAttributes(AttributeContext.newBuilder()
                        .setRequest(AttributeContext.Request.newBuilder()
                                .setHttp(AttributeContext.HttpRequest.newBuilder()
                                        .setMethod("POST")
                                        .setPath(path)
                                        .setHost("gateway.example")
                                        .putAllHeaders(headers))))
                .build();
    }

    private static Map<String, String> headers(List<HeaderValueOption> options) {
        return options.stream()
                .collect(Collectors.toMap(
                        o -> o.getHeader().getKey(), o -> o.getHeader().getValue()));
    }
}
