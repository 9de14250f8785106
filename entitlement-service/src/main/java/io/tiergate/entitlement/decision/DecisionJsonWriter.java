package io.tiergate.entitlement.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes every {@link Decision} answer (the decision API's and ext-authz's DENY bodies) from the thread's reused
 * buffer ({@link DecisionJson}), the same bytes Jackson wrote; a decision with budgets or unusual strings still goes
 * through Jackson.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class DecisionJsonWriter implements ServerMessageBodyWriter<Decision> {

    @Inject
    ObjectMapper json;

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == Decision.class;
    }

    @Override
    public void writeResponse(Decision decision, Type genericType, ServerRequestContext context) throws IOException {
        try (OutputStream out = context.getOrCreateOutputStream()) {
            write(decision, out);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Decision.class;
    }

    @Override
    public void writeTo(
            Decision decision,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        write(decision, out);
    }

    private void write(Decision decision, OutputStream out) throws IOException {
        DecisionJson.Buffer buffer = DecisionJson.buffer();
        if (DecisionJson.encode(decision, buffer)) {
            out.write(buffer.bytes, 0, buffer.size);
        } else {
            out.write(json.writeValueAsBytes(decision)); // the stream is the caller's to close
        }
    }
}
