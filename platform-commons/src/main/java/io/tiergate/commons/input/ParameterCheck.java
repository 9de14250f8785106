package io.tiergate.commons.input;

import io.tiergate.commons.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Path and query parameters carrying control characters are refused before any resource sees them. */
public final class ParameterCheck {

    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";

    private ParameterCheck() {}

    /** The refusal for the first parameter (path parameters first) whose name or a value has a control character. */
    public static Optional<Problem> refusal(
            Map<String, List<String>> pathParameters, Map<String, List<String>> queryParameters) {
        return firstOffending("path", pathParameters).or(() -> firstOffending("query", queryParameters));
    }

    private static Optional<Problem> firstOffending(String kind, Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean offends = ControlCharacters.firstIn(name) >= 0
                    || parameter.getValue().stream().anyMatch(value -> ControlCharacters.firstIn(value) >= 0);
            if (offends) {
                String shown = ControlCharacters.printable(name);
                String message = "must not contain control characters (U+0000 to U+001F, U+007F to U+009F)";
                return Optional.of(Problem.of(
                                400,
                                INVALID_PARAMETER,
                                "Bad request",
                                "The " + kind + " parameter '" + shown + "' " + message)
                        .withErrors(List.of(new Problem.Violation(shown, message))));
            }
        }
        return Optional.empty();
    }
}
