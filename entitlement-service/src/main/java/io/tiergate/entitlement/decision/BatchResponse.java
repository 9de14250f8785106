package io.tiergate.entitlement.decision;

import java.util.List;

/** One decision per request, in the order asked. */
public record BatchResponse(List<Decision> decisions) {}
