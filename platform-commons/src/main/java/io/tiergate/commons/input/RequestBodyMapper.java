package io.tiergate.commons.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The ObjectMapper of REST bodies: the service's own (NUL-free strings and the rest of its configuration) with
 * {@link BoundedCollections}, which the mapper of events and stream state does not have. Server side only: a REST
 * client reading another service's answer takes it whole.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestBodyMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper bodies;

    @Inject
    public RequestBodyMapper(ObjectMapper shared) {
        this.bodies = shared.copy().registerModule(BoundedCollections.module(BoundedCollections.MAX_ITEMS));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return bodies;
    }
}
