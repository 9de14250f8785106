package io.tiergate.identity.verification;

import java.util.List;
import java.util.UUID;

/** The identity events this service publishes on {@link #TOPIC}; see docs/events/. */
public final class IdentityEvents {

    public static final String TOPIC = "tiergate.identity";
    public static final String VERIFIED = "tiergate.identity.verification.verified";
    public static final String REJECTED = "tiergate.identity.verification.rejected";

    private IdentityEvents() {
    }

    /**
     * Data of a verdict event. Carries only what downstream decisions need (nationalities and
     * residence for jurisdiction rules), never names or dates of birth.
     */
    public record VerificationDecided(UUID caseId, VerificationStatus status, List<String> nationalities,
                                      String residenceCountry, List<Reason> reasons) {
    }
}
