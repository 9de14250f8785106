package io.tiergate.identity.abuse;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiergate.commons.limit.SlidingWindowLimiter;
import io.tiergate.commons.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Abuse resistance (OWASP API6, unrestricted access to sensitive business flows): each submission opens a case
 * that is screened, stored and announced, so an account or an address may make only a few per window. Only
 * authenticated POSTs to the submission paths are counted; anonymous ones are refused by security anyway.
 * Logs nothing about the caller: refusals are counted in the {@value #REFUSED_METRIC} metric only.
 * The limits are per instance; see {@link SlidingWindowLimiter}.
 */
public class SubmissionLimitFilter {

    static final Set<String> SUBMISSION_PATHS = Set.of("v1/verifications", "v1/organizations");
    static final String RATE_LIMITED = "RATE_LIMITED";
    static final String REFUSED_METRIC = "tiergate.abuse.refused";

    @Inject
    SubmissionLimiter limiter;

    @Inject
    AbuseConfig config;

    @Inject
    MeterRegistry metrics;

    @ServerRequestFilter
    public Optional<Response> limitSubmissions(ContainerRequestContext request, HttpServerRequest http) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !SUBMISSION_PATHS.contains(path(request))) {
            return Optional.empty();
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token) || token.getSubject() == null) {
            return Optional.empty();
        }
        String address =
                ClientAddress.of(http.getHeader(ClientAddress.FORWARDED_FOR), remote(http), config.trustForwardedFor());
        return limiter.admit(token.getSubject(), address).map(this::tooManyRequests);
    }

    private Response tooManyRequests(SubmissionLimiter.Refusal refusal) {
        metrics.counter(REFUSED_METRIC, "limit", refusal.limit()).increment();
        int limit = SubmissionLimiter.ACCOUNT.equals(refusal.limit()) ? config.perAccount() : config.perIp();
        long seconds = refusal.retryAfterSeconds();
        Problem problem = Problem.of(
                429,
                RATE_LIMITED,
                "Too many requests",
                "At most " + limit + " submissions per " + refusal.limit() + " in " + config.window() + "; retry after "
                        + seconds + " seconds");
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The request path relative to the application, without leading or trailing slashes. */
    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static String remote(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
