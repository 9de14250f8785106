package io.tiergate.entitlement.jurisdiction;

import inet.ipaddr.IPAddress;
import inet.ipaddr.format.util.AssociativeAddressTrie.AssociativeTrieNode;
import inet.ipaddr.format.util.DualIPv4v6AssociativeTries;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Flags addresses of hosting and VPN networks: the IPv4 and IPv6 ranges of the configured autonomous systems, taken
 * from ASN range files (ip-location-db's {@code asn-ipv4.csv} and {@code asn-ipv6.csv}, start_ip,end_ip,asn,organization;
 * or the older {@code asn-ipv4-num.csv}, whose IPv4 addresses are integers). Commons CSV reads the files (organisation
 * names are quoted when they hold commas); only the flagged ranges are kept, as the prefix blocks that span them, in
 * the IPAddress library's tries, so a look-up is one longest-prefix match (some 100-200 ns) and the most specific range
 * wins where two overlap.
 */
@ApplicationScoped
public class HostingNetworks {

    private static final Logger LOG = Logger.getLogger(HostingNetworks.class);

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setTrim(true).get();

    @Inject
    GeoIpConfig config;

    /** Built whole, then published: the tries are only read afterwards, which is safe from any thread. */
    private volatile DualIPv4v6AssociativeTries<Long> flagged = new DualIPv4v6AssociativeTries<>();

    void load(@Observes StartupEvent ignored) {
        List<String> paths = config.asnDatabase().orElse(List.of()).stream()
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .toList();
        if (!paths.isEmpty()) {
            load(paths, config.hostingAsns());
        }
    }

    /** Replaces the flagged networks with those of the given autonomous systems found in the files. */
    void load(List<String> paths, Set<Long> hostingAsns) {
        DualIPv4v6AssociativeTries<Long> tries = new DualIPv4v6AssociativeTries<>();
        int ranges = 0;
        for (String path : paths) {
            ranges += read(Path.of(path), hostingAsns, tries);
        }
        flagged = tries;
        LOG.infof(
                "%d hosting or VPN ranges flagged (%d IPv4 and %d IPv6 prefix blocks) from %s",
                ranges, tries.getIPv4Trie().size(), tries.getIPv6Trie().size(), String.join(", ", paths));
    }

    private static int read(Path file, Set<Long> hostingAsns, DualIPv4v6AssociativeTries<Long> into) {
        int kept = 0;
        long line = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser records = FORMAT.parse(reader)) {
            for (CSVRecord record : records) {
                line = records.getCurrentLineNumber();
                if (record.size() < 3) {
                    throw malformed(
                            file,
                            line,
                            "expected start,end,asn,organization, found " + record.size()
                                    + (record.size() == 1 ? " field" : " fields"));
                }
                Long asn = asn(record.get(2));
                if (asn == null) {
                    if (record.getRecordNumber() == 1) {
                        continue; // a header line
                    }
                    throw malformed(file, line, "the ASN \"" + record.get(2) + "\" is not a number");
                }
                if (!hostingAsns.contains(asn)) {
                    continue; // only the flagged ranges are parsed and kept
                }
                IPAddress start = address(file, line, record.get(0));
                IPAddress end = address(file, line, record.get(1));
                if (start.isIPv4() != end.isIPv4()) {
                    throw malformed(file, line, start + " and " + end + " are not of one IP version");
                }
                if (start.getValue().compareTo(end.getValue()) > 0) {
                    throw malformed(file, line, "the range starts at " + start + ", after its end " + end);
                }
                for (IPAddress block : start.spanWithPrefixBlocks(end)) {
                    into.put(block, asn);
                }
                kept++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ASN database unreadable: " + file, e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports a broken quote this way, naming the line it starts on
            throw new IllegalStateException(
                    "ASN database " + file + " is not CSV: " + e.getCause().getMessage(), e);
        }
        return kept;
    }

    private static Long asn(String field) {
        if (field.isEmpty() || field.length() > 10 || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.valueOf(field);
    }

    /** A textual address, or an IPv4 address as an unsigned 32-bit integer (asn-ipv4-num.csv). */
    private static IPAddress address(Path file, long line, String field) {
        if (!field.isEmpty() && field.length() <= 10 && field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long value = Long.parseLong(field);
            if (value <= 0xFFFF_FFFFL) {
                return new IPv4Address((int) value);
            }
        } else {
            IPAddress address = IpLiterals.parse(field);
            if (address != null) {
                return address;
            }
        }
        throw malformed(file, line, "\"" + field + "\" is not an IP address");
    }

    private static IllegalStateException malformed(Path file, long line, String problem) {
        return new IllegalStateException("ASN database " + file + " line " + line + ": " + problem);
    }

    /** The flagged networks in use, replaced whole by {@link #load}: to tell whether an answer came from them. */
    Object database() {
        return flagged;
    }

    /**
     * The flagged autonomous system the address belongs to, or 0 when it is not flagged. An IPv4-mapped IPv6 address
     * is looked up as its IPv4 address.
     */
    public long flaggedAsn(IPAddress address) {
        IPAddress key = address;
        if (key.isIPv6()) {
            IPv6Address v6 = key.toIPv6();
            if (v6.isIPv4Mapped()) {
                key = v6.getEmbeddedIPv4Address();
            }
        }
        AssociativeTrieNode<? extends IPAddress, Long> node = flagged.longestPrefixMatchNode(key);
        return node == null || node.getValue() == null ? 0 : node.getValue();
    }
}
