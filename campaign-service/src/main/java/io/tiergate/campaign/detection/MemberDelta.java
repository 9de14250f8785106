package io.tiergate.campaign.detection;

/**
 * What one account reports to one of its family groups: how much of its traffic the family holds, with the
 * account's snapshot the group needs for group evidence. Absolute values, not increments, so a redelivery is harmless.
 *
 * @param ts            event time of the account's latest record counted (the snapshot's time)
 * @param topFamilies   the account's most worked families (hex keys), to see what else its group works
 * @param identityCluster identity-service's duplicate-identity cluster of the account (tiergate.identity.cluster.linked),
 *                      or null when it is in none
 */
public record MemberDelta(
        String family,
        String accountId,
        long ts,
        int inFamily,
        int cotInFamily,
        int requests,
        int cots,
        String[] topFamilies,
        long registeredAt,
        long firstSeen,
        String orgId,
        String ipPrefix,
        String asn,
        String deviceId,
        String paymentFingerprint,
        String userAgent,
        String identityCluster) {

    /** This report with the account's identity cluster, which the account stage does not know. */
    public MemberDelta withIdentityCluster(String cluster) {
        return new MemberDelta(
                family,
                accountId,
                ts,
                inFamily,
                cotInFamily,
                requests,
                cots,
                topFamilies,
                registeredAt,
                firstSeen,
                orgId,
                ipPrefix,
                asn,
                deviceId,
                paymentFingerprint,
                userAgent,
                cluster);
    }

    /** The share of the account's requests that fall in this family. */
    public double focus() {
        return requests == 0 ? 0 : Math.min(1.0, (double) inFamily / requests);
    }
}
