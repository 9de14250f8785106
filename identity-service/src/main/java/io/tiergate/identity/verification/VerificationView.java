package io.tiergate.identity.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a caller sees of a case: status and reasons, never the submitted claims. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
        UUID id,
        String subject,
        VerificationStatus status,
        List<Reason> reasons,
        OffsetDateTime submittedAt,
        OffsetDateTime decidedAt,
        OffsetDateTime expiresAt,
        String consistencyToken) {

    static VerificationView of(VerificationCase verification, String consistencyToken) {
        return new VerificationView(
                verification.id,
                verification.subject,
                verification.status,
                verification.reasons,
                verification.submittedAt,
                verification.decidedAt,
                verification.expiresAt,
                consistencyToken);
    }
}
