package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tiergate.entitlement.directive.DirectiveRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one country rule (platform-commons' CountryCode, upper-case ISO 3166-1 alpha-2) as entitlement's APIs apply
 * it: a decision's declared jurisdiction has always been taken in either case and is upper-cased before validation;
 * directives have always refused lower case and still do.
 */
class CountryCodeCaseTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    private static Map<String, String> violations(Object request) {
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<Object> v : validator.validate(request)) {
            byField.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return byField;
    }

    private static DecisionRequest declaring(String jurisdiction) {
        return new DecisionRequest("alice", "fable-5:chat", new DecisionRequest.Context(jurisdiction), null);
    }

    @Test
    void aDeclaredJurisdictionInLowerCaseIsUpperCasedBeforeValidation() {
        DecisionRequest request = declaring("us");

        assertEquals("US", request.jurisdiction());
        assertEquals("US", request.context().jurisdiction(), "validated as it is used");
        assertEquals(Map.of(), violations(request));
        assertNull(declaring(null).jurisdiction());
        assertNull(new DecisionRequest("alice", "fable-5:chat", null, null).jurisdiction());
    }

    @Test
    void aDeclaredJurisdictionThatIsNoCountryIsRefusedWithTheSameMessage() {
        for (String code : List.of("USA", "XX", "uk", "ıt", "")) {
            assertEquals(
                    Map.of("context.jurisdiction", "must be an ISO 3166-1 alpha-2 code"),
                    violations(declaring(code)),
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
                violations(directive));
        assertEquals(
                Map.of(),
                violations(new DirectiveRequest(
                        "mythos-5:*", List.of("US"), List.of("CN"), null, "export control", null, null)));
    }
}
