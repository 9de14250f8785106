package io.tiergate.entitlement.directive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record DirectiveView(
        UUID id,
        String capability,
        List<String> allowedNationalities,
        List<String> deniedJurisdictions,
        boolean denyAll,
        String reason,
        OffsetDateTime expiresAt,
        Directive.Status status,
        boolean inForce,
        boolean breakGlass,
        String issuedBy,
        OffsetDateTime issuedAt,
        String confirmedBy,
        OffsetDateTime confirmedAt) {

    static DirectiveView of(Directive d) {
        boolean inForce = d.status == Directive.Status.ACTIVE
                && (d.expiresAt == null || d.expiresAt.isAfter(OffsetDateTime.now()));
        return new DirectiveView(
                d.id,
                d.capability,
                d.allowedNationalities,
                d.deniedJurisdictions,
                d.denyAll,
                d.reason,
                d.expiresAt,
                d.status,
                inForce,
                d.breakGlass,
                d.issuedBy,
                d.issuedAt,
                d.confirmedBy,
                d.confirmedAt);
    }
}
