package io.tiergate.entitlement.jurisdiction;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Flags addresses of hosting and VPN networks: the IPv4 ranges of the configured autonomous systems, taken from an
 * ASN range file (ip-location-db's {@code asn-ipv4-num.csv}). Only the flagged ranges are kept, sorted, and looked
 * up by binary search.
 */
@ApplicationScoped
public class HostingNetworks {

    private static final Logger LOG = Logger.getLogger(HostingNetworks.class);

    @Inject
    GeoIpConfig config;

    private volatile long[] starts = new long[0];
    private volatile long[] ends = new long[0];
    private volatile long[] asns = new long[0];

    void load(@Observes StartupEvent ignored) {
        config.asnDatabase().filter(path -> !path.isBlank()).ifPresent(this::load);
    }

    void load(String path) {
        int kept = 0;
        long[] s = new long[1024];
        long[] e = new long[1024];
        long[] a = new long[1024];
        try (BufferedReader lines = Files.newBufferedReader(Path.of(path))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.split(",", 4);
                if (fields.length < 3 || !Character.isDigit(line.charAt(0))) {
                    continue; // a header or a blank line
                }
                long asn = Long.parseLong(fields[2].strip());
                if (!config.hostingAsns().contains(asn)) {
                    continue;
                }
                if (kept == s.length) {
                    s = Arrays.copyOf(s, kept * 2);
                    e = Arrays.copyOf(e, kept * 2);
                    a = Arrays.copyOf(a, kept * 2);
                }
                s[kept] = Long.parseLong(fields[0].strip());
                e[kept] = Long.parseLong(fields[1].strip());
                a[kept] = asn;
                kept++;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("ASN database unreadable: " + path, ex);
        } catch (NumberFormatException ex) {
            throw new IllegalStateException("ASN database " + path + " is not start,end,asn,organization in numbers", ex);
        }
        Integer[] order = new Integer[kept];
        for (int i = 0; i < kept; i++) {
            order[i] = i;
        }
        long[] fs = s;
        Arrays.sort(order, (x, y) -> Long.compare(fs[x], fs[y]));
        long[] ss = new long[kept];
        long[] ee = new long[kept];
        long[] aa = new long[kept];
        for (int i = 0; i < kept; i++) {
            ss[i] = s[order[i]];
            ee[i] = e[order[i]];
            aa[i] = a[order[i]];
        }
        starts = ss;
        ends = ee;
        asns = aa;
        LOG.infof("%d hosting or VPN ranges flagged from %s", kept, path);
    }

    /** The flagged autonomous system the address belongs to, or 0 when it is not flagged. */
    public long flaggedAsn(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return 0;
        }
        byte[] b = address.getAddress();
        long ip = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        long[] s = starts;
        int i = Arrays.binarySearch(s, ip);
        int candidate = i >= 0 ? i : -i - 2;
        return candidate >= 0 && ip <= ends[candidate] ? asns[candidate] : 0;
    }
}
