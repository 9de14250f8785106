package io.tiergate.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.input.NulFreeStrings;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    record Erasure(String subject, String reason) {}

    final ObjectMapper mapper = new ObjectMapper().registerModule(NulFreeStrings.module());

    @Test
    void aNulInABodyIsAFieldErrorNotAFault() {
        var e = assertThrows(
                JsonProcessingException.class,
                () -> mapper.readValue("{\"subject\":\"a\\u0000\",\"reason\":\"r\"}", Erasure.class));
        Response response = ProblemMappers.malformed(e);
        Problem problem = (Problem) response.getEntity();
        assertEquals(400, response.getStatus());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals("subject", problem.errors().get(0).field());
    }

    @Test
    void unparseableJsonStaysMalformed() {
        var e = assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"subject\":", Erasure.class));
        assertEquals("MALFORMED_REQUEST", ((Problem) ProblemMappers.malformed(e).getEntity()).code());
    }

    @Test
    void aDatabindErrorQuarkusWrapsStillNamesItsField() {
        var e = assertThrows(
                JsonProcessingException.class,
                () -> mapper.readValue("{\"subject\":\"a\",\"reason\":\"\\u0000\"}", Erasure.class));
        Response response = new ProblemMappers()
                .webApplication(new jakarta.ws.rs.WebApplicationException(e, Response.Status.BAD_REQUEST));
        assertEquals("reason", ((Problem) response.getEntity()).errors().get(0).field());
    }

    record Nationalities(java.util.List<String> nationalities) {}

    @Test
    void aListOverTheBoundIsAFieldErrorNamingTheBound() {
        ObjectMapper bounded =
                new ObjectMapper().registerModule(io.tiergate.commons.input.BoundedCollections.module(2));
        var e = assertThrows(
                JsonProcessingException.class,
                () -> bounded.readValue("{\"nationalities\":[\"SE\",\"FR\",\"DE\"]}", Nationalities.class));
        Problem problem = (Problem) ProblemMappers.malformed(e).getEntity();
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals("nationalities", problem.errors().get(0).field());
        assertEquals("must hold at most 2 items", problem.errors().get(0).message());
    }
}
