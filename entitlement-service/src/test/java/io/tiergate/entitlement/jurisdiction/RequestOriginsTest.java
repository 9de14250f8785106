package io.tiergate.entitlement.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import io.tiergate.commons.problem.ApiProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestOriginsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.2.3.4                                 | 1.2.3.4",
                "0.0.0.0                                 | 0.0.0.0",
                "255.255.255.255                         | 255.255.255.255",
                "203.0.113.7                             | 203.0.113.7",
                "2001:db8::1                             | 2001:db8::1",
                "2001:DB8::1                             | 2001:db8::1",
                "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
                "::1                                     | ::1",
                "::                                      | ::",
                "fe80::1                                 | fe80::1",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "64:ff9b::192.0.2.33                     | 64:ff9b::c000:221",
                // IPv4-mapped IPv6, dotted or not, is the IPv4 address; the deprecated IPv4-compatible form stays IPv6
                "::ffff:1.2.3.4                          | 1.2.3.4",
                "::FFFF:102:304                          | 1.2.3.4",
                "::1.2.3.4                               | ::102:304",
                "0000:0000:0000:0000:0000:ffff:255.255.255.255 | 255.255.255.255",
            })
    void plainLiteralsAreParsed(String literal, String address) {
        IPAddress parsed = RequestOrigins.parse(literal);
        assertEquals(address, parsed.toCanonicalString());
        assertEquals(address.indexOf(':') < 0, parsed.isIPv4());
        assertFalse(parsed.isPrefixed());
        assertEquals(parsed.isIPv4() ? 4 : 16, parsed.toInetAddress().getAddress().length);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @ValueSource(
            strings = {
                // inet_aton forms: one number, fewer parts, hex, octal, leading zeros
                "1",
                "3232235777",
                "127.1",
                "1.2.3",
                "0x7f.0.0.1",
                "0x7f.1",
                "0177.0.0.1",
                "01.2.3.4",
                "1.2.3.04",
                "0b1.2.3.4",
                // out of range, too many parts, empty parts
                "256.1.1.1",
                "999.1.1.1",
                "300.1.2.3",
                "1.2.3.4.5",
                "1..2.3",
                "1.2.3.",
                ".1.2.3",
                // prefixes, masks, wildcards, ranges
                "1.2.3.4/24",
                "1.2.3.4/32",
                "1.2.3.4/255.255.255.0",
                "2001:db8::/32",
                "2001:db8::1/128",
                "1.2.3.*",
                "1.2.3.1-4",
                "*",
                "1.2.*",
                "2001:db8::*",
                // host names
                "localhost",
                "example.com",
                "ip6-localhost",
                "a.b.c.d",
                // zones, brackets, ports
                "fe80::1%eth0",
                "fe80::1%1",
                "fe80::1%",
                "1.2.3.4%eth0",
                "[::1]",
                "[2001:db8::1]:443",
                "1.2.3.4:80",
                // malformed IPv6
                "::g",
                "z::1",
                "2001:db8::1::2",
                "1:2:3:4:5:6:7:8:9",
                "00001::1",
                "::ffff:1.2.3",
                "::ffff:01.2.3.4",
                "::ffff:0x7f.1",
                ":::",
                "1:2:3:4:5:6:7",
                // whitespace and emptiness (of() strips the context value first; parse takes the literal as is)
                " 1.2.3.4",
                "1.2.3.4 ",
                "1.2. 3.4",
                "1.2.3.4\n",
                "\t::1",
                "",
                // over the longest literal
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "0000:0000:0000:0000:0000:0000:0000:0000:0",
            })
    void anythingElseIsInvalidClientIp(String literal) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> RequestOrigins.parse(literal));
        assertEquals(400, problem.toProblem().status());
        assertEquals("INVALID_CLIENT_IP", problem.toProblem().code());
        assertEquals("context.clientIp is not an IPv4 or IPv6 address", problem.getMessage());
    }

    @Test
    void theOriginCarriesTheFlaggedNetworkOfTheStrippedClientIp(@TempDir Path dir) throws IOException {
        Path v6 = Files.writeString(
                dir.resolve("asn-ipv6.csv"),
                "2600:1f00::,2600:1f1f:ffff:ffff:ffff:ffff:ffff:ffff,16509,\"Amazon.com, Inc.\"\n");
        Path v4 = Files.writeString(dir.resolve("asn-ipv4.csv"), "198.18.0.0,198.18.255.255,16509,Amazon.com Inc.\n");
        RequestOrigins origins = new RequestOrigins();
        origins.countries = new IpCountries(); // no country database: no derived country
        origins.hosting = new HostingNetworks();
        origins.hosting.load(List.of(v4.toString(), v6.toString()), Set.of(16509L));

        RequestOrigin hosted = origins.of("US", " 198.18.0.9 ");
        assertTrue(hosted.hostingNetwork());
        assertEquals("AS16509", hosted.network());
        assertNull(hosted.derived());
        assertEquals("AS16509", origins.of("US", "::ffff:198.18.0.9").network());
        assertEquals("AS16509", origins.of("US", "2600:1f14::1").network());
        assertFalse(origins.of("US", "203.0.113.7").hostingNetwork());
        assertEquals(RequestOrigin.declared("US"), origins.of("US", "  "));
        assertThrows(ApiProblem.class, () -> origins.of("US", "localhost"));
    }
}
