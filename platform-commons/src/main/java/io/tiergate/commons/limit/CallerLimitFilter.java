package io.tiergate.commons.limit;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiergate.commons.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link CallerLimited} (OWASP API4, unrestricted resource consumption). Counts authenticated callers only,
 * by their token's subject: an anonymous call is refused by security anyway. Logs nothing about the caller; refusals
 * are counted in {@value #REFUSED_METRIC}.
 */
public class CallerLimitFilter {

    public static final String RATE_LIMITED = "RATE_LIMITED";
    static final String REFUSED_METRIC = "tiergate.limits.refused";

    @Inject
    CallerLimits limits;

    @Inject
    CallerLimitsConfig config;

    @Inject
    MeterRegistry metrics;

    /** What each resource method declares, looked up once: this filter sees every request, decisions included. */
    private final Map<Method, Optional<CallerLimited>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> limitCaller(ContainerRequestContext request, ResourceInfo resource) {
        CallerLimited limited = limitOf(resource);
        if (limited == null || !config.enabled()) {
            return Optional.empty();
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token) || token.getSubject() == null) {
            return Optional.empty();
        }
        int perMinute = config.perMinute().getOrDefault(limited.value(), limited.perMinute());
        SlidingWindowLimiter.Admission admission = limits.admit(limited.value(), perMinute, token.getSubject());
        if (admission.admitted()) {
            return Optional.empty();
        }
        metrics.counter(REFUSED_METRIC, "limit", limited.value()).increment();
        long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
        Problem problem = Problem.of(
                429,
                RATE_LIMITED,
                "Too many requests",
                "At most " + perMinute + " " + limited.value() + " calls per caller in a minute; retry after " + seconds
                        + " seconds");
        return Optional.of(Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build());
    }

    private CallerLimited limitOf(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        return declared.computeIfAbsent(
                        method,
                        m -> Optional.ofNullable(m.getAnnotation(CallerLimited.class))
                                .or(() -> Optional.ofNullable(
                                        resource.getResourceClass().getAnnotation(CallerLimited.class))))
                .orElse(null);
    }
}
