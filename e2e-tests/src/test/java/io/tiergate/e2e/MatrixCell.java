package io.tiergate.e2e;

import io.restassured.path.json.JsonPath;
import java.util.Set;

/**
 * One operation tried by one caller: what the OpenAPI document lets us expect, and what the service answered.
 *
 * @param status the HTTP status, or 0 when the request was not sent
 * @param code the problem+json {@code code} of the answer, if any
 */
record MatrixCell(ApiOperation operation, String caller, Expected expected, int status, String code, String note) {

    /** What the document says this caller should meet. */
    enum Expected {
        /** A declared role: the operation runs (its own answer may be any status but a security refusal). */
        PASS,
        /** No valid token for this service (none, forged, another audience or realm): 401. */
        REFUSE_401,
        /** A valid token without a declared role: 403. */
        REFUSE_403,
        /** A public operation and a token the service does not accept: refusing it or ignoring it are both fine. */
        EITHER,
        /** Ownership: the owner reads their own resource (2xx), the control that it exists. */
        OWNER_READS,
        /** Ownership: another customer on the owner's resource is refused (403, or 404 where the rule hides it). */
        REFUSE_NOT_OWNER
    }

    enum Verdict {
        AS_EXPECTED,
        UNEXPECTED_ALLOW,
        UNEXPECTED_DENIAL,
        OTHER_REFUSAL,
        NOT_SENT
    }

    /** The platform's own codes for a refusal by the security layer (docs/api.md); any other 401/403 is an answer. */
    static final Set<String> SECURITY_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN");

    static MatrixCell notSent(ApiOperation operation, String caller, Expected expected, String why) {
        return new MatrixCell(operation, caller, expected, 0, null, why);
    }

    /**
     * The problem+json {@code code}; without a body (a HEAD), the code ext-authz repeats in {@code x-tiergate-reasons}
     * for every refusal (docs/api.md), security refusals included.
     */
    static String codeOf(String contentType, String body, String reasonsHeader) {
        if (body == null || body.isBlank()) {
            return reasonsHeader;
        }
        if (contentType == null || !contentType.contains("json")) {
            return null;
        }
        try {
            Object code = JsonPath.from(body).get("code");
            return code instanceof String s ? s : null;
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }

    /** Refused by authentication or role checks, not answered by the operation itself. */
    boolean refusedBySecurity() {
        return (status == 401 || status == 403) && (code == null || SECURITY_CODES.contains(code));
    }

    Verdict verdict() {
        if (status == 0) {
            return Verdict.NOT_SENT;
        }
        return switch (expected) {
            case PASS -> refusedBySecurity() ? Verdict.UNEXPECTED_DENIAL : Verdict.AS_EXPECTED;
            case REFUSE_401 ->
                !refusedBySecurity()
                        ? Verdict.UNEXPECTED_ALLOW
                        : status == 401 ? Verdict.AS_EXPECTED : Verdict.OTHER_REFUSAL;
            case REFUSE_403 ->
                !refusedBySecurity()
                        ? Verdict.UNEXPECTED_ALLOW
                        : status == 403 ? Verdict.AS_EXPECTED : Verdict.OTHER_REFUSAL;
            case EITHER -> Verdict.AS_EXPECTED;
            case OWNER_READS -> status >= 200 && status < 300 ? Verdict.AS_EXPECTED : Verdict.UNEXPECTED_DENIAL;
            case REFUSE_NOT_OWNER -> status == 403 || status == 404 ? Verdict.AS_EXPECTED : Verdict.UNEXPECTED_ALLOW;
        };
    }

    /** The table's text: the status, bold where the caller is declared, flagged where it is not what was expected. */
    String text() {
        if (status == 0) {
            return "not sent";
        }
        String shown = String.valueOf(status);
        if (expected == Expected.PASS || expected == Expected.OWNER_READS) {
            // a 401/403 the operation itself answered names its code (ext-authz refuses an undecidable check)
            shown = "**" + shown + "**"
                    + ((status == 401 || status == 403) && code != null && !refusedBySecurity() ? " " + code : "");
        }
        return switch (verdict()) {
            case UNEXPECTED_ALLOW -> "⚠ ALLOWED " + shown;
            case UNEXPECTED_DENIAL -> "⚠ DENIED " + shown;
            case OTHER_REFUSAL -> "⚠ " + shown + " (expected " + (expected == Expected.REFUSE_401 ? 401 : 403) + ")";
            default -> shown;
        };
    }

    String describe() {
        return operation.service() + " " + operation.name() + " as " + caller + ": expected " + expected + ", got "
                + status + (code == null ? "" : " " + code) + (note == null ? "" : " (" + note + ")");
    }
}
