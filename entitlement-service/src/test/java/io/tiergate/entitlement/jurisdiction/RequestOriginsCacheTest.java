package io.tiergate.entitlement.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.entitlement.support.TestCountryDatabase;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client IP seen lately is answered from memory, with what the databases said of it, until they change. */
class RequestOriginsCacheTest {

    static final String ASNS = "src/test/resources/geoip/asn-ipv4-num.csv";

    @TempDir
    Path dir;

    private RequestOrigins origins(Set<Long> flagged) throws Exception {
        Path file = dir.resolve("country-" + System.nanoTime() + ".mmdb");
        TestCountryDatabase.write(file, TestCountryDatabase.NETWORKS);
        IpCountries countries = new IpCountries();
        Field reader = IpCountries.class.getDeclaredField("reader");
        reader.setAccessible(true);
        reader.set(countries, new Reader(file.toFile(), new CHMCache()));
        HostingNetworks hosting = new HostingNetworks();
        hosting.load(List.of(ASNS), flagged);
        RequestOrigins origins = new RequestOrigins();
        origins.countries = countries;
        origins.hosting = hosting;
        return origins;
    }

    @Test
    void anAddressSeenAgainGetsTheAnswerAFreshLookupGives() throws Exception {
        RequestOrigins cached = origins(Set.of(16509L));
        for (int round = 0; round < 3; round++) {
            for (String ip : List.of("203.0.113.7", "198.51.100.9", "198.18.0.5", "192.0.2.1", "10.0.0.1", "::1")) {
                RequestOrigin fresh = origins(Set.of(16509L)).of("US", ip);
                assertEquals(fresh, cached.of("US", ip), ip);
                assertEquals(fresh, cached.of("US", " " + ip + " "), ip);
                assertEquals(
                        new RequestOrigin("DE", fresh.derived(), fresh.hostingNetwork(), fresh.network()),
                        cached.of("DE", ip),
                        "the declared country is the request's own");
            }
        }
        assertEquals(new RequestOrigin("US", "US", true, "AS16509"), cached.of("US", "198.18.0.5"));
    }

    @Test
    void aRefusedLiteralIsRefusedEveryTime() throws Exception {
        RequestOrigins origins = origins(Set.of());
        for (int i = 0; i < 3; i++) {
            assertThrows(ApiProblem.class, () -> origins.of("US", "300.1.2.3"));
            assertThrows(ApiProblem.class, () -> origins.of("US", "localhost"));
        }
    }

    @Test
    void literalsSharingASlotEachGetTheirOwnAnswer() throws Exception {
        RequestOrigins origins = origins(Set.of(16509L));
        String first = "198.18.0.1";
        String second = null;
        for (int i = 0; second == null; i++) {
            String candidate = "203.0.113." + (i % 256);
            if (i >= 256) {
                candidate = "198.18." + (i / 256 % 256) + "." + (i % 256);
            }
            if (!candidate.equals(first)
                    && (candidate.hashCode() & (RequestOrigins.KNOWN_ADDRESSES - 1))
                            == (first.hashCode() & (RequestOrigins.KNOWN_ADDRESSES - 1))) {
                second = candidate;
            }
        }
        RequestOrigin a = origins(Set.of(16509L)).of(null, first);
        RequestOrigin b = origins(Set.of(16509L)).of(null, second);
        for (int i = 0; i < 3; i++) {
            assertEquals(a, origins.of(null, first));
            assertEquals(b, origins.of(null, second));
        }
    }

    @Test
    void networksLoadedAnewAnswerForAnAddressSeenBefore() throws Exception {
        RequestOrigins origins = origins(Set.of(16509L));
        assertEquals(true, origins.of("US", "198.18.0.5").hostingNetwork());
        origins.hosting.load(List.of(ASNS), Set.of());
        assertEquals(new RequestOrigin("US", "US", false, null), origins.of("US", "198.18.0.5"));
    }
}
