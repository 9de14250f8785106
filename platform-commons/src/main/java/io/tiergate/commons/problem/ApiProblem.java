package io.tiergate.commons.problem;

import java.util.List;

/** A refusal the domain raises on purpose; rendered as problem+json with its stable code. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.Violation> violations;

    public ApiProblem(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = List.of();
    }

    private ApiProblem(ApiProblem problem, List<Problem.Violation> violations) {
        super(problem.getMessage());
        this.status = problem.status;
        this.code = problem.code;
        this.title = problem.title;
        this.violations = List.copyOf(violations);
    }

    /** The same refusal, naming each field or rule that caused it. */
    public ApiProblem withViolations(List<Problem.Violation> violations) {
        return new ApiProblem(this, violations);
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(400, code, "Bad request", detail);
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(404, code, "Not found", detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, "Conflict", detail);
    }

    public static ApiProblem unprocessable(String code, String detail) {
        return new ApiProblem(422, code, "Unprocessable content", detail);
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(403, code, "Forbidden", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage()).withErrors(violations);
    }
}
