package io.tiergate.commons.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterCheckTest {

    static final Map<String, List<String>> NONE = Map.of();

    @Test
    void aNulPathParameterIsRefusedByName() {
        Problem problem = ParameterCheck.refusal(Map.of("subject", List.of("\u0000")), NONE)
                .orElseThrow();
        assertEquals(400, problem.status());
        assertEquals("INVALID_PARAMETER", problem.code());
        assertEquals("subject", problem.errors().get(0).field());
        assertTrue(problem.detail().contains("path parameter 'subject'"), problem.detail());
    }

    @Test
    void everyC0ControlInAQueryValueIsRefused() {
        for (char c = 0; c < 0x20; c++) {
            Optional<Problem> refusal = ParameterCheck.refusal(NONE, Map.of("against", List.of("v1", "v" + c)));
            assertEquals("against", refusal.orElseThrow().errors().get(0).field(), "U+" + (int) c);
        }
        assertTrue(ParameterCheck.refusal(NONE, Map.of("q", List.of("\u007F"))).isPresent(), "DEL");
    }

    @Test
    void aControlInAParameterNameIsRefusedWithoutEchoingIt() {
        Problem problem =
                ParameterCheck.refusal(NONE, Map.of("a\u0000b", List.of("x"))).orElseThrow();
        assertEquals("aU+0000b", problem.errors().get(0).field());
    }

    @Test
    void pathParametersAreNamedBeforeQueryParameters() {
        Map<String, List<String>> path = new LinkedHashMap<>();
        path.put("version", List.of("ok"));
        path.put("other", List.of("\u0001"));
        Problem problem = ParameterCheck.refusal(path, Map.of("against", List.of("\u0000")))
                .orElseThrow();
        assertEquals("other", problem.errors().get(0).field());
    }

    @Test
    void ordinaryParametersPass() {
        assertTrue(ParameterCheck.refusal(
                        Map.of("subject", List.of("11111111-1111-4111-8111-000000000001")),
                        Map.of("against", List.of("2026-01 política"), "empty", List.of("")))
                .isEmpty());
    }
}
