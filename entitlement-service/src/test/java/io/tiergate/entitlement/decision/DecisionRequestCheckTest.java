package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.commons.testing.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand check of a decision request against Bean Validation of the record's own annotations, case by case. */
class DecisionRequestCheckTest {

    private static final List<String> SUBJECTS = Arrays.asList(
            null,
            "",
            " ",
            "\t\n",
            "\u2003",
            " s ",
            "s",
            "s".repeat(100),
            "s".repeat(101),
            " ".repeat(101),
            "é".repeat(101));
    private static final List<String> CAPABILITIES =
            Arrays.asList(null, "", "  ", "fable-5:chat", "x".repeat(200), "x".repeat(201), " ".repeat(300));
    private static final List<String> JURISDICTIONS = Arrays.asList(null, "US", "us", "USA", "XX", "", "ıt", "u s");
    private static final List<String> CLIENT_IPS =
            Arrays.asList(null, "", "203.0.113.7", "x".repeat(45), "x".repeat(46), "1.2.3.4/24");
    private static final List<String> TOKENS = Arrays.asList(null, "", "garbage", "t".repeat(1000), "t".repeat(1001));

    /** Bean Validation's violations, field and message, in the order the problem lists them (ties by message). */
    private static List<String> beanValidation(DecisionRequest request) {
        List<String> found = new ArrayList<>();
        for (var v : Violations.validator().validate(request)) {
            found.add(v.getPropertyPath() + " | " + v.getMessage());
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private static List<String> byHand(DecisionRequest request) {
        List<Problem.Violation> violations = DecisionRequestCheck.violations(request);
        for (int i = 1; i < violations.size(); i++) {
            assertEquals(
                    true,
                    violations.get(i - 1).field().compareTo(violations.get(i).field()) <= 0,
                    "sorted by field: " + violations);
        }
        return violations.stream()
                .map(v -> v.field() + " | " + v.message())
                .sorted()
                .toList();
    }

    @Test
    void everyCombinationOfFieldsGetsTheViolationsBeanValidationGives() {
        int cases = 0;
        for (String subject : SUBJECTS) {
            for (String capability : CAPABILITIES) {
                for (String token : TOKENS) {
                    DecisionRequest request = new DecisionRequest(subject, capability, null, token);
                    assertEquals(beanValidation(request), byHand(request), request.toString());
                    cases++;
                }
            }
        }
        for (String jurisdiction : JURISDICTIONS) {
            for (String clientIp : CLIENT_IPS) {
                for (String subject : List.of("s", "")) {
                    DecisionRequest request = new DecisionRequest(
                            subject, "fable-5:chat", new DecisionRequest.Context(jurisdiction, clientIp), null);
                    assertEquals(beanValidation(request), byHand(request), request.toString());
                    cases++;
                }
            }
        }
        assertEquals(
                SUBJECTS.size() * CAPABILITIES.size() * TOKENS.size() + JURISDICTIONS.size() * CLIENT_IPS.size() * 2,
                cases);
    }

    @Test
    void aValidRequestAllocatesNoListOfViolations() {
        DecisionRequest valid = new DecisionRequest(
                "s", "fable-5:chat", new DecisionRequest.Context("us", "203.0.113.7"), "identity-service:s:1");
        assertSame(List.of(), DecisionRequestCheck.violations(valid));
        DecisionRequestCheck.require(valid);
    }

    @Test
    void anInvalidRequestIsTheProblemBeanValidationWasRenderedAs() {
        ApiProblem refused = assertThrows(
                ApiProblem.class,
                () -> DecisionRequestCheck.require(new DecisionRequest("s".repeat(101), null, null, null)));
        Problem problem = refused.toProblem();
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals("Bad request", problem.title());
        assertEquals("The request has invalid fields", problem.detail());
        assertEquals("urn:tiergate:problem:validation-failed", problem.type());
        assertEquals(
                List.of(
                        new Problem.Violation("capability", "must not be blank"),
                        new Problem.Violation("subject", "size must be between 0 and 100")),
                problem.errors());
    }

    @Test
    void aMissingBodyIsNamedAsBeanValidationNamedTheParameter() {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> DecisionRequestCheck.require(null));
        assertEquals(
                List.of(new Problem.Violation("decide.request", "must not be null")),
                refused.toProblem().errors());
    }
}
