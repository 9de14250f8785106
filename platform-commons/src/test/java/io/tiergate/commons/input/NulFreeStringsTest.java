package io.tiergate.commons.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NulFreeStringsTest {

    record Erasure(String subject, String reason) {}

    record Claims(String givenName, List<String> nationalities, Map<String, String> labels) {}

    record Submission(Claims claims, Map<String, Object> extra) {}

    final ObjectMapper mapper = new ObjectMapper().registerModule(NulFreeStrings.module());

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    @Test
    void aNulInARecordFieldNamesTheField() {
        var e = assertThrows(
                NulFreeStrings.NulInString.class,
                () -> mapper.readValue("{\"subject\":\"s\",\"reason\":\"GDPR\\u0000\"}", Erasure.class));
        assertEquals("reason", path(e));
    }

    @Test
    void nestedListsMapsAndUntypedValuesAreCovered() {
        assertEquals(
                "claims.givenName",
                path(assertThrows(
                        NulFreeStrings.NulInString.class,
                        () -> mapper.readValue("{\"claims\":{\"givenName\":\"\\u0000\"}}", Submission.class))));
        assertEquals(
                "claims.nationalities.[1]",
                path(assertThrows(
                        NulFreeStrings.NulInString.class,
                        () -> mapper.readValue(
                                "{\"claims\":{\"nationalities\":[\"FR\",\"D\\u0000E\"]}}", Submission.class))));
        assertEquals(
                "claims.labels.k",
                path(assertThrows(
                        NulFreeStrings.NulInString.class,
                        () -> mapper.readValue("{\"claims\":{\"labels\":{\"k\":\"\\u0000\"}}}", Submission.class))));
        assertThrows(
                NulFreeStrings.NulInString.class,
                () -> mapper.readValue("{\"claims\":{\"labels\":{\"k\\u0000\":\"v\"}}}", Submission.class),
                "a map key");
        assertThrows(
                NulFreeStrings.NulInString.class,
                () -> mapper.readValue("{\"extra\":{\"deep\":[{\"x\":\"\\u0000\"}]}}", Submission.class),
                "an untyped value");
    }

    @Test
    void otherEscapedControlsAndEveryScriptStillRead() throws Exception {
        Erasure erasure =
                mapper.readValue("{\"subject\":\"کریم\u200Cپور\",\"reason\":\"line\\nnext\\ttab\"}", Erasure.class);
        assertEquals("line\nnext\ttab", erasure.reason());
        assertEquals("کریم\u200Cپور", erasure.subject());
    }
}
