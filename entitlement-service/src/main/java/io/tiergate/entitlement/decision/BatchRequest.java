package io.tiergate.entitlement.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Several decisions in one call (for example a gateway checking a request's capabilities at once). */
public record BatchRequest(
        @NotEmpty @Size(max = BatchRequest.MAX_ITEMS) List<@Valid @NotNull DecisionRequest> requests) {

    public static final int MAX_ITEMS = 1000;
}
