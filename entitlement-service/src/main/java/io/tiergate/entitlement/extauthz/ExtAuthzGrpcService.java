package io.tiergate.entitlement.extauthz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.DeniedHttpResponse;
import io.envoyproxy.envoy.service.auth.v3.OkHttpResponse;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.entitlement.decision.Decision;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Envoy's gRPC ext_authz protocol, {@code envoy.service.auth.v3.Authorization/Check}, on the HTTP port (HTTP/2): the
 * same check as {@link ExtAuthzResource}, for the gateway (role {@code gateway}, its own token in the call's
 * {@code authorization} metadata) that names the subject in the checked request's {@code x-tiergate-subject}.
 * <ul>
 *   <li>ALLOW: status OK; the decision headers go upstream, and the decision id and rate-limit pair also back to the
 *   client.</li>
 *   <li>DENY: PERMISSION_DENIED with an HTTP 403 for the client, the decision headers and the decision as JSON.</li>
 *   <li>A check no decision can be made from: UNAUTHENTICATED (401, no subject) or PERMISSION_DENIED (403), with the
 *   problem as JSON and its code in {@code x-tiergate-reasons}.</li>
 * </ul>
 * The client IP is {@code x-tiergate-client-ip}, else the downstream peer Envoy saw on its own socket.
 */
@GrpcService
public class ExtAuthzGrpcService implements BindableService, AuthorizationGrpc.AsyncService {

    /** What the client also sees of an ALLOW: enough to quote the decision and pace itself. */
    static final Set<String> TO_CLIENT =
            Set.of(ExtAuthzCheck.DECISION_ID, ExtAuthzCheck.RATELIMIT_LIMIT, ExtAuthzCheck.RATELIMIT_REMAINING);

    @Inject
    ExtAuthzCheck extAuthz;

    @Inject
    ObjectMapper json;

    /** Bound here rather than through the generated base class, whose jar Quarkus does not index. */
    @Override
    public ServerServiceDefinition bindService() {
        return AuthorizationGrpc.bindService(this);
    }

    @Override
    @Blocking
    @RolesAllowed(ExtAuthzResource.GATEWAY)
    public void check(CheckRequest request, StreamObserver<CheckResponse> answer) {
        answer.onNext(answer(request));
        answer.onCompleted();
    }

    CheckResponse answer(CheckRequest request) {
        AttributeContext.HttpRequest http = request.getAttributes().getRequest().getHttp();
        Map<String, String> headers = headers(http);
        try {
            Decision decision = extAuthz.decide(
                    ExtAuthzCheck.gatewaySubject(headers.get(ExtAuthzCheck.SUBJECT)),
                    pathOf(http.getPath()),
                    headers::get,
                    clientIp(headers, request.getAttributes().getSource()));
            return decision.allowed() ? allow(decision) : deny(decision);
        } catch (ApiProblem refused) {
            return refuse(refused);
        }
    }

    private static CheckResponse allow(Decision decision) {
        OkHttpResponse.Builder ok = OkHttpResponse.newBuilder();
        ExtAuthzCheck.headers(decision).forEach((name, value) -> {
            ok.addHeaders(header(name, value));
            if (TO_CLIENT.contains(name)) {
                ok.addResponseHeadersToAdd(header(name, value));
            }
        });
        return CheckResponse.newBuilder()
                .setStatus(Status.newBuilder().setCode(Code.OK_VALUE))
                .setOkResponse(ok)
                .build();
    }

    private CheckResponse deny(Decision decision) {
        DeniedHttpResponse.Builder denied = DeniedHttpResponse.newBuilder()
                .setStatus(HttpStatus.newBuilder().setCode(StatusCode.Forbidden))
                .addHeaders(header("content-type", "application/json"))
                .setBody(body(decision));
        ExtAuthzCheck.headers(decision).forEach((name, value) -> denied.addHeaders(header(name, value)));
        return CheckResponse.newBuilder()
                .setStatus(Status.newBuilder().setCode(Code.PERMISSION_DENIED_VALUE))
                .setDeniedResponse(denied)
                .build();
    }

    private CheckResponse refuse(ApiProblem refused) {
        Problem problem = refused.toProblem();
        boolean unauthenticated = problem.status() == 401;
        DeniedHttpResponse.Builder denied = DeniedHttpResponse.newBuilder()
                .setStatus(HttpStatus.newBuilder()
                        .setCode(unauthenticated ? StatusCode.Unauthorized : StatusCode.Forbidden))
                .addHeaders(header("content-type", Problem.MEDIA_TYPE))
                .addHeaders(header(ExtAuthzRefusals.REASONS, problem.code()))
                .setBody(body(problem));
        if (unauthenticated) {
            denied.addHeaders(header("www-authenticate", "Bearer"));
        }
        return CheckResponse.newBuilder()
                .setStatus(Status.newBuilder()
                        .setCode(unauthenticated ? Code.UNAUTHENTICATED_VALUE : Code.PERMISSION_DENIED_VALUE)
                        .setMessage(problem.code()))
                .setDeniedResponse(denied)
                .build();
    }

    /**
     * The checked request's headers by lower-case name: Envoy sends them in {@code headers}, or in
     * {@code header_map} when its {@code encode_raw_headers} is set.
     */
    static Map<String, String> headers(AttributeContext.HttpRequest http) {
        if (!http.getHeaderMap().getHeadersList().isEmpty()) {
            Map<String, String> headers = new HashMap<>();
            for (HeaderValue h : http.getHeaderMap().getHeadersList()) {
                String value = h.getRawValue().isEmpty()
                        ? h.getValue()
                        : h.getRawValue().toString(StandardCharsets.UTF_8);
                headers.merge(h.getKey().toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
            }
            return headers;
        }
        return http.getHeadersMap();
    }

    /** The path without its query: {@code /mythos-5/chat/completions?stream=true} → {@code /mythos-5/chat/completions}. */
    static String pathOf(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String clientIp(Map<String, String> headers, AttributeContext.Peer source) {
        String named = headers.get(ExtAuthzCheck.CLIENT_IP);
        if (named != null) {
            return named;
        }
        String peer = source.getAddress().getSocketAddress().getAddress();
        return peer.isEmpty() ? null : peer;
    }

    private static HeaderValueOption header(String name, String value) {
        return HeaderValueOption.newBuilder()
                .setHeader(HeaderValue.newBuilder().setKey(name).setValue(value))
                .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD)
                .build();
    }

    private String body(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision or problem always serialises", e);
        }
    }
}
