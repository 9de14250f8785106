package io.tiergate.commons.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedCollectionsTest {

    record Directive(List<String> allowedNationalities, Set<String> deniedJurisdictions, Map<String, Integer> limits) {}

    record Batch(List<Directive> requests, String[] tags) {}

    record Decisions(
            @BoundedCollections.BoundedByItsOperation List<String> requests, List<String> tags) {}

    final ObjectMapper mapper = new ObjectMapper().registerModule(BoundedCollections.module(3));

    static String items(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"X" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    @Test
    void aListAtTheBoundIsReadAndOneMoreIsRefusedNamingItsField() throws Exception {
        assertEquals(
                3,
                mapper.readValue("{\"allowedNationalities\":" + items(3) + "}", Directive.class)
                        .allowedNationalities()
                        .size());
        var e = assertThrows(
                BoundedCollections.TooManyItems.class,
                () -> mapper.readValue("{\"allowedNationalities\":" + items(4) + "}", Directive.class));
        assertEquals("allowedNationalities", path(e));
        assertEquals(3, e.max());
    }

    @Test
    void setsMapsArraysAndNestedListsAreBoundedToo() {
        assertThrows(
                BoundedCollections.TooManyItems.class,
                () -> mapper.readValue("{\"deniedJurisdictions\":" + items(4) + "}", Directive.class));
        assertThrows(
                BoundedCollections.TooManyItems.class,
                () -> mapper.readValue("{\"limits\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}", Directive.class));
        assertThrows(
                BoundedCollections.TooManyItems.class,
                () -> mapper.readValue("{\"tags\":" + items(4) + "}", Batch.class));
        var nested = assertThrows(
                BoundedCollections.TooManyItems.class,
                () -> mapper.readValue("{\"requests\":[{\"allowedNationalities\":" + items(4) + "}]}", Batch.class));
        assertEquals("requests.[0].allowedNationalities", path(nested));
    }

    @Test
    void aMapperWithoutTheModuleReadsAnySize() throws Exception {
        assertEquals(
                50,
                new ObjectMapper()
                        .readValue("{\"allowedNationalities\":" + items(50) + "}", Directive.class)
                        .allowedNationalities()
                        .size());
    }

    @Test
    void aFieldItsOperationBoundsIsReadWholeAndItsNeighboursAreStillBounded() throws Exception {
        assertEquals(
                50,
                mapper.readValue("{\"requests\":" + items(50) + "}", Decisions.class)
                        .requests()
                        .size());
        assertThrows(
                BoundedCollections.TooManyItems.class,
                () -> mapper.readValue("{\"tags\":" + items(4) + "}", Decisions.class));
    }
}
