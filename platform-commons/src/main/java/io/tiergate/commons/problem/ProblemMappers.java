package io.tiergate.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tiergate.commons.input.BoundedCollections;
import io.tiergate.commons.input.ControlCharacters;
import io.tiergate.commons.input.NulFreeStrings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders every error as RFC 9457 problem+json with a stable code. Bad input is a 400 that names the
 * field; unexpected faults are a bare 500 without a stack trace (the trace stays in the server log).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return respond(problem.toProblem());
    }

    /** At most this many violations are listed: an error does not echo a large input back. */
    static final int LISTED_VIOLATIONS = 100;

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        String detail = violations.size() <= LISTED_VIOLATIONS
                ? "The request has invalid fields"
                : "The request has " + violations.size() + " invalid fields; the first " + LISTED_VIOLATIONS
                        + " are listed";
        return respond(Problem.of(400, "VALIDATION_FAILED", "Bad request", detail)
                .withErrors(violations.subList(0, Math.min(violations.size(), LISTED_VIOLATIONS))));
    }

    /** Unparseable JSON or a value of the wrong type; listed one by one to win over the built-in mappers. */
    @ServerExceptionMapper(
            value = {
                MismatchedInputException.class,
                InvalidFormatException.class,
                JsonMappingException.class,
                JsonProcessingException.class
            },
            priority = 1)
    public Response malformedJson(JsonProcessingException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "The caller's roles do not allow this operation"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(
                    Problem.of(status, "INTERNAL_ERROR", "Internal error", "The request could not be completed"));
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps the databind errors it does not pass on; they still name their field.
            return malformed(json);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS reports an unconvertible query or path parameter as 404; to a caller it is bad input.
            return respond(Problem.of(
                    400, "INVALID_PARAMETER", "Bad request", "A query or path parameter has the wrong format"));
        }
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return respond(Problem.of(status, code, title, title));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error", "The request could not be completed"));
    }

    static Response malformed(JsonProcessingException e) {
        String field =
                e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? mapping.getPath().stream()
                                .map(ref -> ref.getFieldName() != null
                                        ? ControlCharacters.printable(ref.getFieldName())
                                        : "[" + ref.getIndex() + "]")
                                .collect(Collectors.joining("."))
                        : null;
        if (e instanceof BoundedCollections.TooManyItems tooMany) {
            String named = field != null ? field : "(body)";
            return respond(Problem.of(400, "VALIDATION_FAILED", "Bad request", "The request has invalid fields")
                    .withErrors(
                            List.of(new Problem.Violation(named, "must hold at most " + tooMany.max() + " items"))));
        }
        if (e instanceof NulFreeStrings.NulInString) {
            // Well-formed JSON with a value no field accepts: a field error, as bean validation reports one.
            String named = field != null ? field : "(body)";
            return respond(Problem.of(400, "VALIDATION_FAILED", "Bad request", "The request has invalid fields")
                    .withErrors(List.of(new Problem.Violation(named, "must not contain NUL (U+0000)"))));
        }
        String location = field != null ? " at field '" + field + "'" : "";
        return respond(Problem.of(
                400,
                "MALFORMED_REQUEST",
                "Bad request",
                "The request body is not valid JSON for this operation" + location));
    }

    private static String field(ConstraintViolation<?> violation) {
        // Path looks like "submit.request.claims.givenName": drop the method and parameter names.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    /** A 401 names the scheme it wants (RFC 6750), as OIDC's own challenge does. */
    private static Response unauthenticated() {
        Problem problem = Problem.of(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required");
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .entity(problem)
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
