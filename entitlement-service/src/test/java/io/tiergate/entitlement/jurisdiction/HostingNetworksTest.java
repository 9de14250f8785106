package io.tiergate.entitlement.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostingNetworksTest {

    static final Set<Long> FLAGGED = Set.of(16509L, 14061L);

    @TempDir
    Path dir;

    HostingNetworks networks;

    @BeforeEach
    void loadBothFiles() throws IOException {
        Path v4 = write("asn-ipv4.csv", """
                1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
                3.5.140.0,3.5.143.255,16509,"Amazon.com, Inc."
                5.101.104.0,5.101.111.255,14061,DigitalOcean LLC
                198.18.0.0,198.18.255.255,16509,Amazon.com Inc.
                203.0.113.0,203.0.113.255,64496,Example Residential ISP
                """);
        Path v6 = write("asn-ipv6.csv", """
                2001:db8::,2001:db8:0:ffff:ffff:ffff:ffff:ffff,64496,"Example Residential ISP, Inc."
                2600:1f00::,2600:1f1f:ffff:ffff:ffff:ffff:ffff:ffff,16509,"Amazon.com, Inc."
                2a03:b0c0:1::,2a03:b0c0:1:ffff:ffff:ffff:ffff:fffe,14061,DigitalOcean LLC
                """);
        networks = new HostingNetworks();
        networks.load(List.of(v4.toString(), v6.toString()), FLAGGED);
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    long asn(String literal) {
        return networks.flaggedAsn(new IPAddressString(literal).getAddress());
    }

    @Test
    void ipv4RangesOfFlaggedNetworksAreFlaggedEdgesIncluded() {
        assertEquals(16509, asn("3.5.141.9"));
        assertEquals(16509, asn("3.5.140.0"));
        assertEquals(16509, asn("3.5.143.255"));
        assertEquals(0, asn("3.5.139.255"));
        assertEquals(0, asn("3.5.144.0"));
        assertEquals(14061, asn("5.101.104.0"));
        assertEquals(14061, asn("5.101.111.255"));
        assertEquals(0, asn("5.101.112.0"));
    }

    @Test
    void ipv6RangesOfFlaggedNetworksAreFlaggedEdgesIncluded() {
        assertEquals(16509, asn("2600:1f00::"));
        assertEquals(16509, asn("2600:1f14:abcd::7"));
        assertEquals(16509, asn("2600:1f1f:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertEquals(0, asn("2600:1eff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertEquals(0, asn("2600:1f20::"));
        // a range that is not one prefix block: its last address is in, the one past it is not
        assertEquals(14061, asn("2a03:b0c0:1::"));
        assertEquals(14061, asn("2a03:b0c0:1:ffff:ffff:ffff:ffff:fffe"));
        assertEquals(0, asn("2a03:b0c0:1:ffff:ffff:ffff:ffff:ffff"));
    }

    @Test
    void otherNetworksAreNotFlagged() {
        assertEquals(0, asn("1.0.0.1"));
        assertEquals(0, asn("203.0.113.7"));
        assertEquals(0, asn("2001:db8::1"));
        assertEquals(0, asn("9.9.9.9"));
        assertEquals(0, asn("::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsLookedUpAsIpv4() {
        assertEquals(16509, asn("::ffff:3.5.140.7"));
        assertEquals(16509, asn("::ffff:305:8c07"));
        assertEquals(0, asn("::ffff:203.0.113.7"));
        // only the mapped form: the deprecated IPv4-compatible ::3.5.140.7 is an IPv6 address
        assertEquals(0, asn("::3.5.140.7"));
    }

    @Test
    void theOlderIntegerFileIsReadToo() throws IOException {
        // asn-ipv4-num.csv: 3.5.140.0-3.5.143.255 and 198.18.0.0/16, with a header line
        Path num = write("asn-ipv4-num.csv", """
                start,end,asn,organization
                50695168,50696191,16509,"Amazon.com, Inc."
                3323068416,3323133951,16509,Amazon.com Inc.
                3405803776,3405804031,64497,Example Documentation Net
                """);
        HostingNetworks older = new HostingNetworks();
        older.load(List.of(num.toString()), FLAGGED);
        assertEquals(16509, older.flaggedAsn(address("3.5.140.0")));
        assertEquals(16509, older.flaggedAsn(address("3.5.143.255")));
        assertEquals(0, older.flaggedAsn(address("3.5.144.0")));
        assertEquals(16509, older.flaggedAsn(address("198.18.0.9")));
        assertEquals(0, older.flaggedAsn(address("203.0.113.7")));
    }

    @Test
    void theMostSpecificOfOverlappingRangesWins() throws IOException {
        Path overlapping = write("overlap.csv", """
                10.0.0.0,10.0.255.255,16509,Outer
                10.0.3.0,10.0.3.255,14061,Inner
                """);
        HostingNetworks both = new HostingNetworks();
        both.load(List.of(overlapping.toString()), FLAGGED);
        assertEquals(16509, both.flaggedAsn(address("10.0.2.255")));
        assertEquals(14061, both.flaggedAsn(address("10.0.3.0")));
        assertEquals(16509, both.flaggedAsn(address("10.0.4.0")));
    }

    @Test
    void unflaggedLinesAreSkippedUnparsedAndNothingIsFlaggedWithoutFlaggedAsns() throws IOException {
        // lines of other networks are only checked for their fields and ASN
        Path file = write("skip.csv", """
                not-an-address,also-not,64496,Someone

                3.5.140.0,3.5.143.255,16509,Amazon
                """);
        HostingNetworks some = new HostingNetworks();
        some.load(List.of(file.toString()), FLAGGED);
        assertEquals(16509, some.flaggedAsn(address("3.5.140.1")));
        HostingNetworks none = new HostingNetworks();
        none.load(List.of(file.toString()), Set.of());
        assertEquals(0, none.flaggedAsn(address("3.5.140.1")));
        assertEquals(0, new HostingNetworks().flaggedAsn(address("3.5.140.1")));
    }

    @Test
    void aMalformedLineFailsTheLoadNamingFileAndLine() throws IOException {
        assertMalformed("""
                3.5.140.0,3.5.143.255,16509,Amazon
                3.5.144.0,3.5.144,16509,Amazon
                """, "line 2: \"3.5.144\" is not an IP address");
        assertMalformed("""
                3.5.140.0,3.5.143.255,16509,Amazon
                3.5.144.0,3.5.144.255,AS16509,Amazon
                """, "line 2: the ASN \"AS16509\" is not a number");
        assertMalformed("""
                3.5.140.0,3.5.143.255,16509,Amazon

                3.5.144.0;3.5.144.255;16509;Amazon
                """, "line 3: expected start,end,asn,organization, found 1 field");
        assertMalformed(
                "3.5.144.255,3.5.144.0,16509,Amazon\n",
                "line 1: the range starts at 3.5.144.255, after its end 3.5.144.0");
        assertMalformed(
                "3.5.144.0,2600:1f00::,16509,Amazon\n", "line 1: 3.5.144.0 and 2600:1f00:: are not of one IP version");
        assertMalformed("3.5.144.0/24,3.5.144.255,16509,Amazon\n", "line 1: \"3.5.144.0/24\" is not an IP address");
        assertMalformed("4294967296,4294967297,16509,Amazon\n", "line 1: \"4294967296\" is not an IP address");
        assertMalformed("3.5.144.0,3.5.144.255,16509,\"Amazon\n", "is not CSV");
    }

    @Test
    void aMissingFileFailsTheLoad() {
        String missing = dir.resolve("absent.csv").toString();
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> new HostingNetworks().load(List.of(missing), FLAGGED));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    void assertMalformed(String text, String problem) throws IOException {
        Path file = write("bad.csv", text);
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> new HostingNetworks().load(List.of(file.toString()), FLAGGED));
        assertTrue(e.getMessage().startsWith("ASN database " + file), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    static IPAddress address(String literal) {
        return new IPAddressString(literal).getAddress();
    }
}
