package io.tiergate.commons.problem;

/** A refusal the domain raises on purpose; rendered as problem+json with its stable code. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;

    public ApiProblem(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
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

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(403, code, "Forbidden", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage());
    }
}
