package io.tiergate.identity.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * Reads request bodies that refuse fields they do not define (400 MALFORMED_REQUEST naming the field)
 * instead of dropping them silently, which Quarkus' shared ObjectMapper does by default.
 */
public class StrictJsonReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.getTypeFactory().constructType(type))
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
