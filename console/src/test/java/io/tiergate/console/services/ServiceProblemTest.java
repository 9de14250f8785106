package io.tiergate.console.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProblemTest {

    @Test
    void readsAProblemDocumentWithItsFieldErrors() {
        ServiceProblem problem = ServiceProblem.of(
                400,
                Map.of(
                        "code",
                        "VALIDATION_FAILED",
                        "title",
                        "Bad request",
                        "detail",
                        "The request has invalid fields",
                        "errors",
                        List.of(
                                Map.of("field", "document.mrz[0]", "message", "check digit does not match"),
                                Map.of("field", "nationalities[1]", "message", "not an ISO 3166-1 alpha-2 code"),
                                Map.of("field", "givenName", "message", "must not be blank"))));

        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals("check digit does not match", problem.fieldError("document"));
        assertEquals("not an ISO 3166-1 alpha-2 code", problem.fieldError("nationalities"));
        assertEquals("must not be blank", problem.fieldError("givenName"));
        // a prefix of another field's name is not that field
        assertNull(problem.fieldError("given"));
        assertNull(problem.fieldError("familyName"));
    }

    @Test
    void anAnswerThatIsNoProblemDocumentStillHasAStableCode() {
        ServiceProblem problem = ServiceProblem.of(502, null);

        assertEquals("HTTP_502", problem.code());
        assertEquals(List.of(), problem.errors());
    }

    @Test
    void errorsWithoutAFieldOrMessageAreKeptAsTheyCame() {
        ServiceProblem problem = ServiceProblem.of(
                422,
                Map.of(
                        "code",
                        "REQUIREMENTS_NOT_MET",
                        "errors",
                        List.of(Map.of("message", "verified identity required"), "not an object")));

        assertEquals(1, problem.errors().size());
        assertNull(problem.errors().get(0).field());
        assertNull(problem.fieldError("tier"));
    }
}
