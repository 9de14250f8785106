package io.tiergate.console.web;

import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.ServiceProblem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An officer's or customer's action: on success, back to the page (post/redirect/get); on a refusal the service
 * states (4xx), the same page again with the problem shown. A 5xx or an unreachable service is the error page.
 */
public final class Outcome {

    private Outcome() {}

    public static Response of(Runnable action, String then, Function<ServiceProblem, TemplateInstance> page) {
        return of(
                () -> {
                    action.run();
                    return then;
                },
                page);
    }

    public static Response of(Supplier<String> actionThenPath, Function<ServiceProblem, TemplateInstance> page) {
        try {
            return Response.seeOther(URI.create(actionThenPath.get())).build();
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            return Response.status(problem.status())
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(page.apply(problem).render())
                    .build();
        }
    }
}
