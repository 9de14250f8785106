package io.tiergate.commons.input;

import io.tiergate.commons.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies {@link ParameterCheck} to every matched request of every service (decoded, so {@code %00} is NUL). */
public class ParameterFilter {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        return ParameterCheck.refusal(uri.getPathParameters(true), uri.getQueryParameters(true))
                .map(problem -> Response.status(problem.status())
                        .type(Problem.MEDIA_TYPE)
                        .entity(problem)
                        .build());
    }
}
