package io.tiergate.console.services;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service's refusal (its RFC 9457 problem+json), or the console's own when a service cannot be reached. Pages
 * show it as a readable message, with each field error next to the field it names.
 */
public class ServiceProblem extends RuntimeException {

    /** One {@code errors[]} member of a problem: the field (or requirement) and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceProblem(int status, String code, String title, String detail, List<FieldError> errors) {
        super(code + ": " + detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static ServiceProblem unavailable(String service) {
        return new ServiceProblem(
                503,
                "SERVICE_UNAVAILABLE",
                "Service unavailable",
                service + " did not answer; try again in a moment",
                List.of());
    }

    /** Reads a problem document; anything else (an HTML error page, say) becomes a generic problem. */
    @SuppressWarnings("unchecked")
    public static ServiceProblem of(int status, Map<String, Object> body) {
        if (body == null) {
            return new ServiceProblem(
                    status, "HTTP_" + status, "Request refused", "the service answered " + status, List.of());
        }
        List<FieldError> errors = body.get("errors") instanceof List<?> list
                ? list.stream()
                        .filter(Map.class::isInstance)
                        .map(e -> (Map<String, Object>) e)
                        .map(e -> new FieldError(text(e.get("field")), text(e.get("message"))))
                        .toList()
                : List.of();
        return new ServiceProblem(
                status,
                Objects.requireNonNullElse(text(body.get("code")), "HTTP_" + status),
                text(body.get("title")),
                text(body.get("detail")),
                errors);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The message for one form field, or null: templates put it next to the field. */
    public String fieldError(String field) {
        return errors.stream()
                .filter(e -> Forms.names(e.field(), field))
                .map(FieldError::message)
                .findFirst()
                .orElse(null);
    }
}
