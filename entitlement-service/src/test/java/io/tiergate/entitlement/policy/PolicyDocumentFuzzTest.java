package io.tiergate.entitlement.policy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.input.BoundedCollections;
import io.tiergate.commons.input.NulFreeStrings;
import java.util.Set;

class PolicyDocumentFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .registerModule(NulFreeStrings.module())
            .registerModule(BoundedCollections.module(BoundedCollections.MAX_ITEMS));

    static final PolicyCompiler COMPILER = new PolicyCompiler();

    static {
        COMPILER.config = new TestPolicyConfig(Set.of("CN", "RU"));
    }

    /**
     * Any JSON an officer posts as a policy document is refused by the reader, listed as violations by the
     * compiler, or compiled: never an exception from the compiler, which would answer 500.
     */
    @FuzzTest(maxDuration = "10s")
    void anyDocumentIsRefusedListedOrCompiled(String json) {
        if (json == null) {
            return; // Jazzer tries null; callers never pass it
        }
        PolicyDocument document;
        try {
            document = JSON.readValue(json, PolicyDocument.class);
        } catch (JsonProcessingException refused) {
            return;
        }
        if (document == null) {
            return;
        }
        if (COMPILER.validate(document).isEmpty()) {
            assertNotNull(COMPILER.compile(document));
        }
    }
}
