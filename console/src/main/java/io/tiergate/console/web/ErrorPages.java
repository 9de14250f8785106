package io.tiergate.console.web;

import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.tiergate.console.services.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as pages a person can read: a 403 for a page of another role, a service's problem as its message,
 * a service that cannot be reached as 503. Never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Template error;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "FORBIDDEN", "error.forbidden");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "NOT_FOUND", "error.notFound");
    }

    @ServerExceptionMapper
    public Response problem(ServiceProblem problem) {
        int status = problem.status() >= 500 ? 502 : problem.status();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("status", status)
                        .data("code", problem.code())
                        .data("problem", problem)
                        .data("key", null)
                        .render())
                .build();
    }

    /** A service that does not answer (connection refused, timeout): the page says so. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service did not answer: %s", e.getClass().getSimpleName());
        return problem(ServiceProblem.unavailable("A Tiergate service"));
    }

    /** Anything else: a page with an error id to quote, the details in the log only. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web) {
            return web.getResponse();
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "console error %s", id);
        return page(500, "INTERNAL_ERROR " + id, null);
    }

    private Response page(int status, String code, String key) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("status", status)
                        .data("code", code)
                        .data("problem", null)
                        .data("key", key)
                        .render())
                .build();
    }
}
