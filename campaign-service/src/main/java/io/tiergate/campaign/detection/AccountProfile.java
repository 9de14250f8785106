package io.tiergate.campaign.detection;

import io.tiergate.campaign.record.RequestRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(registeredAt);
            out.writeLong(firstSeen);
            out.writeLong(lastSeen);
            out.writeInt(requests);
            out.writeInt(cots);
            out.writeUTF(orgId == null ? "" : orgId);
            families.write(out);
            prefixes.write(out);
            asns.write(out);
            devices.write(out);
            payments.write(out);
            userAgents.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static AccountProfile fromBytes(byte[] data, int familySlots) {
        AccountProfile p = new AccountProfile(familySlots);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalStateException("unknown account profile format");
            }
            p.registeredAt = in.readLong();
            p.firstSeen = in.readLong();
            p.lastSeen = in.readLong();
            p.requests = in.readInt();
            p.cots = in.readInt();
            String org = in.readUTF();
            p.orgId = org.isEmpty() ? null : org;
            p.families.read(in);
            p.prefixes.read(in);
            p.asns.read(in);
            p.devices.read(in);
            p.payments.read(in);
            p.userAgents.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
