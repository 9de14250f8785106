package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tiergate.commons.testing.Violations;
import io.tiergate.entitlement.directive.DirectiveRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one country rule (platform-commons' CountryCode, upper-case ISO 3166-1 alpha-2) as entitlement's APIs apply
 * it: a decision's declared jurisdiction has always been taken in either case and is upper-cased before validation;
 * directives have always refused lower case and still do.
 */
class CountryCodeCaseTest {

    private static DecisionRequest declaring(String jurisdiction) {
        return new DecisionRequest("alice", "fable-5:chat", new DecisionRequest.Context(jurisdiction), null);
    }

    @Test
    void aDeclaredJurisdictionInLowerCaseIsUpperCasedBeforeValidation() {
        DecisionRequest request = declaring("us");

        assertEquals("US", request.jurisdiction());
        assertEquals("US", request.context().jurisdiction(), "validated as it is used");
        assertEquals(Map.of(), Violations.of(request));
        assertNull(declaring(null).jurisdiction());
        assertNull(new DecisionRequest("alice", "fable-5:chat", null, null).jurisdiction());
    }

    @Test
    void aDeclaredJurisdictionThatIsNoCountryIsRefusedWithTheSameMessage() {
        for (String code : List.of("USA", "XX", "uk", "ıt", "")) {
            assertEquals(
                    Map.of("context.jurisdiction", "must be an ISO 3166-1 alpha-2 code"),
                    Violations.of(declaring(code)),
                    code);
        }
    }

    @Test
    void directiveCountriesMustBeUpperCaseAsBefore() {
        DirectiveRequest directive = new DirectiveRequest(
                "mythos-5:*", List.of("US", "de"), List.of("XX"), null, "export control", null, null);

        assertEquals(
                Map.of(
                        "allowedNationalities[1].<list element>", "ISO 3166-1 alpha-2",
                        "deniedJurisdictions[0].<list element>", "ISO 3166-1 alpha-2"),
                Violations.of(directive));
        assertEquals(
                Map.of(),
                Violations.of(new DirectiveRequest(
                        "mythos-5:*", List.of("US"), List.of("CN"), null, "export control", null, null)));
    }
}
