package io.tiergate.campaign.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tiergate.campaign.record.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The account profile's stored form: it round-trips, and it is the form profiles were stored in before. */
class AccountProfileTest {

    private static final String[] AGENTS = {
        "mythos-python/1.42.0",
        "Mozilla/5.0 (Linux; Android 14; Überphone) Gecko/20100101 Firefox/133.0",
        "客户端/2.0 (日本)",
    };

    private static AccountProfile profile(String orgId) {
        AccountProfile p = new AccountProfile(8);
        for (int i = 0; i < 40; i++) {
            p.observe(new RequestRecord(
                    1_760_000_000_000L + i * 60_000L,
                    "r-" + i,
                    "account-1",
                    orgId,
                    "mythos-5:code",
                    100,
                    200,
                    "203.0.113." + (i % 3),
                    "203.0.113.0/24",
                    64500 + i % 2,
                    AGENTS[i % AGENTS.length],
                    "device-" + (i % 2),
                    i % 5 == 0 ? null : "pf_1",
                    0x0123_4567_89AB_CDEFL ^ (i % 4),
                    i % 3 == 0,
                    1_700_000_000_000L));
        }
        return p;
    }

    @Test
    void aProfileReadsBackAsItWasWritten() {
        AccountProfile p = profile("7f1c9a52-2f43-4c4e-9a61-0c1f2b3d4e5f");
        byte[] bytes = p.toBytes();
        AccountProfile read = AccountProfile.fromBytes(bytes, 8);
        assertArrayEquals(bytes, read.toBytes());
        assertEquals(40, read.requests());
        assertEquals(14, read.cots);
        assertEquals("7f1c9a52-2f43-4c4e-9a61-0c1f2b3d4e5f", read.orgId);
        assertEquals(p.userAgents.top(), read.userAgents.top());
        assertEquals(p.families.size(), read.families.size());
        assertEquals(p.families.count(0), read.families.count(0));
    }

    @Test
    void anAccountWithoutOrganizationReadsBackWithout() {
        assertNull(AccountProfile.fromBytes(profile(null).toBytes(), 8).orgId);
    }

    @Test
    void theStoredFormIsTheOneWrittenThroughDataOutputBefore() throws IOException {
        AccountProfile p = profile("org-1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(p.registeredAt);
            out.writeLong(p.firstSeen);
            out.writeLong(p.lastSeen);
            out.writeInt(p.requests);
            out.writeInt(p.cots);
            out.writeUTF(p.orgId);
            out.writeShort(p.families.size());
            for (int i = 0; i < p.families.size(); i++) {
                out.writeLong(p.families.key(i));
                out.writeInt(p.families.count(i));
                out.writeInt(p.families.cots(i));
                out.writeInt(p.families.reported(i));
            }
            for (FrequentValues v : new FrequentValues[] {p.prefixes, p.asns, p.devices, p.payments, p.userAgents}) {
                out.writeByte(v.size());
                for (int i = 0; i < v.size(); i++) {
                    out.writeUTF(v.value(i));
                    out.writeInt(v.count(i));
                }
            }
        }
        assertArrayEquals(bytes.toByteArray(), p.toBytes());
        assertEquals(
                p.userAgents.top(),
                AccountProfile.fromBytes(bytes.toByteArray(), 8).userAgents.top());
    }
}
