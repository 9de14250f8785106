package io.tiergate.entitlement.extauthz;

import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.entitlement.decision.Decision;
import io.tiergate.entitlement.decision.DecisionRequest;
import io.tiergate.entitlement.decision.DecisionRequestCheck;
import io.tiergate.entitlement.decision.DecisionService;
import io.tiergate.entitlement.decision.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One ext_authz check, whatever protocol carried it (HTTP in {@link ExtAuthzResource}, gRPC in
 * {@link ExtAuthzGrpcService}): the checked request's headers and path become a {@link DecisionRequest}, and the
 * decision becomes the headers a gateway forwards. A check no decision can be made from is refused with an
 * {@link ApiProblem} of status 401 or 403 ({@link ExtAuthzRefusals}).
 */
@ApplicationScoped
public class ExtAuthzCheck {

    static final String SUBJECT = "x-tiergate-subject";
    static final String CAPABILITY = "x-tiergate-capability";
    static final String JURISDICTION = "x-tiergate-jurisdiction";
    static final String CONSISTENCY_TOKEN = "x-tiergate-consistency-token";
    static final String CLIENT_IP = "x-tiergate-client-ip";

    static final String DECISION = "x-tiergate-decision";
    static final String DECISION_ID = "x-tiergate-decision-id";
    static final String POLICY_VERSION = "x-tiergate-policy-version";
    static final String OBLIGATIONS = "x-tiergate-obligations";
    static final String RATELIMIT_LIMIT = "x-ratelimit-limit";
    static final String RATELIMIT_REMAINING = "x-ratelimit-remaining";

    @Inject
    DecisionService decisions;

    /**
     * Decides the checked request for {@code subject}.
     *
     * @param header the checked request's header of that (lower-case) name, or null
     * @param clientIp the end user's address as the gateway knows it, or null
     */
    public Decision decide(String subject, String path, UnaryOperator<String> header, String clientIp) {
        DecisionRequest request = new DecisionRequest(
                subject,
                capability(path, header.apply(CAPABILITY)),
                new DecisionRequest.Context(header.apply(JURISDICTION), clientIp),
                header.apply(CONSISTENCY_TOKEN));
        List<Problem.Violation> violations = DecisionRequestCheck.violations(request); // by hand: no Bean Validation
        if (!violations.isEmpty()) {
            throw ExtAuthzRefusals.invalidHeaders(violations.stream()
                    .map(v -> new Problem.Violation(headerOf(v.field()), v.message()))
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList());
        }
        try {
            return decisions.decide(request);
        } catch (ApiProblem malformed) { // INVALID_CLIENT_IP, INVALID_CONSISTENCY_TOKEN: the gateway's headers
            throw ExtAuthzRefusals.undecidable(malformed);
        }
    }

    /** The subject a gateway names; a gateway that names none has nobody to decide for. */
    static String gatewaySubject(String named) {
        if (named == null || named.isBlank()) {
            // the end user presented no credential the gateway knows
            throw ExtAuthzRefusals.unauthenticated("SUBJECT_REQUIRED", "a gateway names the subject in " + SUBJECT);
        }
        return named.strip();
    }

    /** The decision in headers, in the order a gateway logs them; the rate-limit pair only under a request budget. */
    static Map<String, String> headers(Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DECISION, decision.decision().name());
        headers.put(DECISION_ID, decision.decisionId().toString());
        headers.put(POLICY_VERSION, decision.policyVersion());
        headers.put(ExtAuthzRefusals.REASONS, codes(decision.reasons()));
        if (decision.obligations() != null) {
            headers.put(OBLIGATIONS, String.join(",", decision.obligations()));
        }
        if (decision.budgets() != null) {
            decision.budgets().stream()
                    .filter(b -> b.requestsLimit() != null)
                    .findFirst()
                    .ifPresent(b -> {
                        headers.put(RATELIMIT_LIMIT, String.valueOf(b.requestsLimit()));
                        headers.put(RATELIMIT_REMAINING, String.valueOf(b.requestsRemaining()));
                    });
        }
        return headers;
    }

    /** The reasons' codes, comma-separated. */
    private static String codes(List<Reason> reasons) {
        if (reasons.size() == 1) {
            return reasons.get(0).code();
        }
        StringBuilder codes = new StringBuilder();
        for (Reason reason : reasons) {
            if (codes.length() > 0) {
                codes.append(',');
            }
            codes.append(reason.code());
        }
        return codes.toString();
    }

    /** {@code x-tiergate-capability}, else the first two path segments: {@code /mythos-5/chat/...} → mythos-5:chat. */
    static String capability(String path, String named) {
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        // the first two segments after any leading slashes, without a regular expression per check
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int first = path.indexOf('/', start);
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        String model = first < 0 ? "" : path.substring(start, first);
        String feature = first < 0 ? "" : path.substring(first + 1, second < 0 ? path.length() : second);
        if (model.isBlank() || feature.isBlank()) {
            throw ApiProblem.forbidden(
                    "CAPABILITY_REQUIRED",
                    "name the capability in " + CAPABILITY + " or as the path /{model}/{feature}/...");
        }
        return model + ":" + feature;
    }

    /** Names the header a gateway sent rather than the request's field (context.clientIp → x-tiergate-client-ip). */
    private static String headerOf(String field) {
        return switch (field) {
            case "subject" -> SUBJECT;
            case "capability" -> CAPABILITY;
            case "context.jurisdiction" -> JURISDICTION;
            case "context.clientIp" -> CLIENT_IP;
            case "consistencyToken" -> CONSISTENCY_TOKEN;
            default -> field;
        };
    }
}
