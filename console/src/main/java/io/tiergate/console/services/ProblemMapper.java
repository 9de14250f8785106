package io.tiergate.console.services;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every 4xx/5xx answer of a service into a {@link ServiceProblem} carrying its problem+json. */
public class ProblemMapper implements ResponseExceptionMapper<ServiceProblem> {

    @Override
    @SuppressWarnings("unchecked")
    public ServiceProblem toThrowable(Response response) {
        Map<String, Object> body = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                body = response.readEntity(Map.class);
            } catch (RuntimeException unreadable) {
                body = null;
            }
        }
        return ServiceProblem.of(response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
