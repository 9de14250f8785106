package io.tiergate.campaign.stream;

/** The topics campaign-service reads and writes. The internal ones carry the topology's stages between partitions. */
public final class Topics {

    /** Gateway request records: plain JSON, keyed by accountId. */
    public static final String REQUESTS = "tiergate.requests";
    /** Records refused, with their reason. */
    public static final String REJECTED = "tiergate.requests.rejected";
    /** Records that arrived under another key, re-keyed by accountId so one account's profile lives in one place. */
    public static final String REKEYED = "campaign-service.requests-rekeyed";
    /** identity-service's CloudEvents, of which the duplicate-identity links (tiergate.identity.cluster.linked) count. */
    public static final String IDENTITY = "tiergate.identity";
    /** Each linked account's identity cluster, keyed by accountId (co-partitioned with the request records). */
    public static final String IDENTITY_LINKS = "campaign-service.identity-links";
    /** Account reports to family groups, keyed by family. */
    public static final String DELTAS = "campaign-service.family-deltas";
    /** The linker's verdicts back to family groups, keyed by family (co-partitioned with the deltas). */
    public static final String VERDICTS = "campaign-service.family-verdicts";
    /** Family summaries for the linker: one partition, a small stream. */
    public static final String SUMMARIES = "campaign-service.family-summaries";
    /** Flagged members for the campaign store, keyed by campaign key. */
    public static final String SIGNALS = "campaign-service.signals";
    /** CloudEvents of campaigns and their accounts (through the outbox). */
    public static final String CAMPAIGN = "tiergate.campaign";

    private Topics() {}
}
