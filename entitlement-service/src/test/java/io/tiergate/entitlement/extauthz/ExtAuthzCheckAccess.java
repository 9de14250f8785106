package io.tiergate.entitlement.extauthz;

import io.tiergate.entitlement.decision.Decision;
import java.util.Map;

/** Opens {@link ExtAuthzCheck}'s package-private parts to the decision benchmark of another package. */
public final class ExtAuthzCheckAccess {

    private ExtAuthzCheckAccess() {}

    public static Map<String, String> headers(Decision decision) {
        return ExtAuthzCheck.headers(decision);
    }
}
