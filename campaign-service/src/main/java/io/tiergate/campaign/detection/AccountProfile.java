package io.tiergate.campaign.detection;

import io.tiergate.campaign.record.RequestRecord;
import java.nio.ByteBuffer;

/**
 * What the detector keeps of one account, in bounded space whatever its volume: counts, the families it works most,
 * and its most frequent network, AS number, device, payment fingerprint and user agent. Stored in a Kafka Streams
 * store in a compact binary form (this is read and written once per record).
 */
public final class AccountProfile {

    private static final byte FORMAT = 1;

    long registeredAt;
    long firstSeen;
    long lastSeen;
    int requests;
    int cots;
    String orgId;
    final FrequentFamilies families;
    final FrequentValues prefixes = new FrequentValues(4);
    final FrequentValues asns = new FrequentValues(3);
    final FrequentValues devices = new FrequentValues(3);
    final FrequentValues payments = new FrequentValues(3);
    final FrequentValues userAgents = new FrequentValues(3);
    /** The attribute summaries in stored order; one array, not one per record. */
    private final FrequentValues[] attributes = {prefixes, asns, devices, payments, userAgents};

    public AccountProfile(int familySlots) {
        families = new FrequentFamilies(familySlots);
    }

    /** Counts the record in; returns the indexes of the families it advanced (-1 where none). */
    int[] observe(RequestRecord r) {
        if (requests == 0) {
            firstSeen = r.ts();
        }
        registeredAt = r.registeredAt();
        firstSeen = Math.min(firstSeen, r.ts());
        lastSeen = Math.max(lastSeen, r.ts());
        requests++;
        if (r.cotElicitation()) {
            cots++;
        }
        orgId = r.orgId();
        prefixes.offer(r.ipPrefix());
        asns.offer(Long.toString(r.asn()));
        devices.offer(r.deviceId());
        payments.offer(r.paymentFingerprint());
        userAgents.offer(r.userAgent());
        int[] advanced = new int[PromptFamilies.BANDS];
        for (int band = 0; band < PromptFamilies.BANDS; band++) {
            advanced[band] = families.offer(PromptFamilies.family(r.promptSimhash(), band), r.cotElicitation());
        }
        return advanced;
    }

    public int requests() {
        return requests;
    }

    /**
     * The stored form: big-endian fields and texts in {@link java.io.DataOutput}'s modified UTF-8, as before, written
     * and read through one array rather than byte by byte through streams (this is a fifth of the stream thread).
     */
    public byte[] toBytes() {
        int size = 1 + 8 + 8 + 8 + 4 + 4 + Texts.encodedLength(orgId == null ? "" : orgId) + families.encodedLength();
        for (FrequentValues v : attributes) {
            size += v.encodedLength();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT);
        out.putLong(registeredAt);
        out.putLong(firstSeen);
        out.putLong(lastSeen);
        out.putInt(requests);
        out.putInt(cots);
        Texts.write(out, orgId == null ? "" : orgId);
        families.write(out);
        for (FrequentValues v : attributes) {
            v.write(out);
        }
        return out.array();
    }

    public static AccountProfile fromBytes(byte[] data, int familySlots) {
        AccountProfile p = new AccountProfile(familySlots);
        ByteBuffer in = ByteBuffer.wrap(data);
        if (in.get() != FORMAT) {
            throw new IllegalStateException("unknown account profile format");
        }
        p.registeredAt = in.getLong();
        p.firstSeen = in.getLong();
        p.lastSeen = in.getLong();
        p.requests = in.getInt();
        p.cots = in.getInt();
        String org = Texts.read(in);
        p.orgId = org.isEmpty() ? null : org;
        p.families.read(in);
        for (FrequentValues v : p.attributes) {
            v.read(in);
        }
        return p;
    }
}
