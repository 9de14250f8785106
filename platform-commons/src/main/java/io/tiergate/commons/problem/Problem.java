package io.tiergate.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details. {@code code} is the stable, machine-readable error code clients switch on;
 * {@code type} is a URN built from it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {}

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(
                "urn:tiergate:problem:" + code.toLowerCase().replace('_', '-'), title, status, detail, code, List.of());
    }

    public Problem withErrors(List<Violation> violations) {
        return new Problem(type, title, status, detail, code, violations);
    }
}
