package io.tiergate.identity.verification;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Opens a verification case, decides it by the rules and records the verdict with its event. */
@ApplicationScoped
public class VerificationService {

    @Inject
    VerificationRules rules;

    @Inject
    Outbox outbox;

    @Transactional
    public VerificationView submit(String subject, VerificationRequest request) {
        VerificationRequest claims = normalize(request);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        VerificationCase verification = new VerificationCase();
        verification.id = UUID.randomUUID();
        verification.subject = subject;
        verification.givenName = claims.givenName();
        verification.familyName = claims.familyName();
        verification.dateOfBirth = claims.dateOfBirth();
        verification.nationalities = claims.nationalities();
        verification.residenceCountry = claims.residenceCountry();
        verification.submittedAt = now;

        List<Reason> reasons = rules.evaluate(claims);
        verification.status = reasons.isEmpty() ? VerificationStatus.VERIFIED : VerificationStatus.REJECTED;
        verification.reasons = reasons;
        verification.decidedAt = now;
        verification.persist();

        ConsistencyToken token = outbox.append(IdentityEvents.TOPIC,
                verification.status == VerificationStatus.VERIFIED ? IdentityEvents.VERIFIED : IdentityEvents.REJECTED,
                subject,
                new IdentityEvents.VerificationDecided(verification.id, verification.status,
                        verification.nationalities, verification.residenceCountry, reasons));
        return VerificationView.of(verification, token.toString());
    }

    public Optional<VerificationCase> find(UUID id) {
        return VerificationCase.findByIdOptional(id);
    }

    private static VerificationRequest normalize(VerificationRequest request) {
        return new VerificationRequest(request.givenName().strip(), request.familyName().strip(),
                request.dateOfBirth(),
                request.nationalities().stream().map(VerificationService::country).distinct().toList(),
                country(request.residenceCountry()));
    }

    private static String country(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
