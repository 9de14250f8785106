package io.tiergate.identity.sybil;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.identity.verification.IdentityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Links applicants who share a fingerprint into one identity cluster, persisted and announced. Clusters merge when
 * a new applicant bridges two of them. Linking is serialized (one transaction-scoped advisory lock) so that two
 * simultaneous sign-ups with the same passport cannot both miss each other.
 */
@ApplicationScoped
public class SybilLinker {

    /** Who the applicant is linked to, and by which kinds of fingerprint. */
    public record Links(UUID clusterId, List<String> linkedSubjects, Set<FingerprintKind> via) {

        public boolean any() {
            return !linkedSubjects.isEmpty();
        }
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public Links record(String subject, UUID caseId, Map<FingerprintKind, String> fingerprints) {
        IdentityFingerprint.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(4711)")
                .getSingleResult();
        Set<String> others = new LinkedHashSet<>();
        Set<FingerprintKind> via = EnumSet.noneOf(FingerprintKind.class);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        fingerprints.forEach((kind, hash) -> {
            for (IdentityFingerprint shared : IdentityFingerprint.sharedWith(kind, hash, subject)) {
                others.add(shared.subject);
                via.add(kind);
            }
            IdentityFingerprint print = new IdentityFingerprint();
            print.kind = kind;
            print.valueHash = hash;
            print.subject = subject;
            print.caseId = caseId;
            print.createdAt = now;
            print.persist();
        });
        if (others.isEmpty()) {
            return new Links(null, List.of(), via);
        }
        List<String> involved = new ArrayList<>(others);
        involved.add(subject);
        List<ClusterMember> existing = involved.stream()
                .map(s -> ClusterMember.<ClusterMember>findById(s))
                .filter(m -> m != null)
                .sorted(Comparator.comparing(m -> m.joinedAt))
                .toList();
        UUID cluster = existing.isEmpty() ? UUID.randomUUID() : existing.get(0).clusterId;
        String linkedBy = via.stream().map(Enum::name).collect(Collectors.joining(","));
        for (ClusterMember member : existing) {
            if (!member.clusterId.equals(cluster)) {
                ClusterMember.inCluster(member.clusterId).forEach(m -> m.clusterId = cluster); // merge
            }
        }
        for (String s : involved) {
            if (ClusterMember.findById(s) == null) {
                ClusterMember member = new ClusterMember();
                member.subject = s;
                member.clusterId = cluster;
                member.linkedBy = linkedBy;
                member.joinedAt = now;
                member.persist();
            }
        }
        List<String> members =
                ClusterMember.inCluster(cluster).stream().map(m -> m.subject).toList();
        outbox.append(
                IdentityEvents.TOPIC,
                IdentityEvents.CLUSTER_LINKED,
                subject,
                new IdentityEvents.ClusterLinked(
                        cluster,
                        caseId,
                        List.copyOf(others),
                        via.stream().map(Enum::name).toList(),
                        members.size()));
        return new Links(cluster, List.copyOf(others), via);
    }
}
