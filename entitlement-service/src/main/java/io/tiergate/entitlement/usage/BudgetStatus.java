package io.tiergate.entitlement.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.entitlement.policy.Budget;
import java.time.Duration;

/** What is left of one budget after this decision (a limit that is not set is left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetStatus(
        Budget.Scope scope,
        Duration window,
        Long requestsLimit,
        Long requestsRemaining,
        Long tokensLimit,
        Long tokensRemaining) {}
