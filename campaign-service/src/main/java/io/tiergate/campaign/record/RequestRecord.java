package io.tiergate.campaign.record;

/**
 * One model request as a gateway saw it (the {@code tiergate.requests} record, validated). Times are epoch
 * milliseconds of event time; {@code ipPrefix} is the client address's /24 (IPv4) or /48 (IPv6) network.
 */
public record RequestRecord(
        long ts,
        String requestId,
        String accountId,
        String orgId,
        String capability,
        long inputTokens,
        long outputTokens,
        String clientIp,
        String ipPrefix,
        long asn,
        String userAgent,
        String deviceId,
        String paymentFingerprint,
        long promptSimhash,
        boolean cotElicitation,
        long registeredAt) {}
