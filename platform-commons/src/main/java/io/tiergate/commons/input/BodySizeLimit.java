package io.tiergate.commons.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tiergate.commons.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} gets 413 {@code BODY_TOO_LARGE} as problem+json. A
 * declared length is checked before anything reads the body. A body sent without one (chunked) is read here, up to
 * the limit, with Vert.x's body handler, which fails the request with 413 past it; the services read the buffered
 * body from there. Quarkus's own checks, one route later, would answer a bare 413 with no body.
 */
@ApplicationScoped
public class BodySizeLimit {

    static final String CODE = "BODY_TOO_LARGE";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    private byte[] tooLarge;

    private BodyHandler unsized;

    void install(@Observes Router router) {
        tooLarge = problem(limit.asLongValue());
        unsized = BodyHandler.create(false).setBodyLimit(limit.asLongValue()).setHandleFileUploads(false);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(this::failed);
    }

    void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            unsized.handle(context);
            return;
        }
        if (declaredLength(length) <= limit.asLongValue()) {
            context.next();
            return;
        }
        refuse(context);
    }

    void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context) {
        // the rest of the body is not read: the connection closes after the answer, as Quarkus's own check does
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(io.vertx.core.buffer.Buffer.buffer(tooLarge));
    }

    /** The declared length, or -1 when there is none or it is not a number (Vert.x refuses those itself). */
    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private byte[] problem(long bytes) {
        try {
            return json.writeValueAsBytes(
                    Problem.of(413, CODE, "Content too large", "A request body may hold at most " + bytes + " bytes"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
