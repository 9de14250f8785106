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
}
