package io.tiergate.audit.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN once the periodic self-check has found the log or its tree altered. */
@Readiness
@ApplicationScoped
public class LogIntegrityHealthCheck implements HealthCheck {

    @Inject
    LogSelfCheck selfCheck;

    @Override
    public HealthCheckResponse call() {
        LogVerification last = selfCheck.last();
        var response = HealthCheckResponse.named("audit-log-integrity").status(last == null || last.valid());
        if (last != null) {
            response.withData("entries", last.entries()).withData("checkpointSize", last.checkpointSize());
            if (!last.valid()) {
                response.withData("firstInvalidIndex", String.valueOf(last.firstInvalidIndex()))
                        .withData("problem", last.problem());
            }
        }
        return response.build();
    }
}
