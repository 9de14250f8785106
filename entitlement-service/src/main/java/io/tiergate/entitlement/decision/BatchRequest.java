package io.tiergate.entitlement.decision;

import io.tiergate.commons.input.BoundedCollections.BoundedByItsOperation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Several decisions in one call (for example a gateway checking a request's capabilities at once). The resource
 * refuses more than {@link #MAX_ITEMS} with 413 {@code BATCH_TOO_LARGE} before validation, at any size.
 */
public record BatchRequest(
        @BoundedByItsOperation @NotEmpty @Size(max = BatchRequest.MAX_ITEMS)
        List<@Valid @NotNull DecisionRequest> requests) {

    public static final int MAX_ITEMS = 1000;
}
