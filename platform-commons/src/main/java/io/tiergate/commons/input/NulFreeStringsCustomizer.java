package io.tiergate.commons.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Every service's ObjectMapper, REST bodies and consumed events alike, refuses NUL in strings. */
@Singleton
public class NulFreeStringsCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(NulFreeStrings.module());
    }
}
