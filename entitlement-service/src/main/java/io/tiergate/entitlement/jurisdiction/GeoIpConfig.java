package io.tiergate.entitlement.jurisdiction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "tiergate.geoip")
public interface GeoIpConfig {

    /**
     * A MaxMind-format country database (GeoLite2-Country, or ip-location-db's iptoasn-country). Without one, no
     * country is derived from client IPs and only declared jurisdictions count.
     */
    Optional<String> countryDatabase();

    /**
     * ASN range files, comma-separated: ip-location-db's {@code asn-ipv4.csv} and {@code asn-ipv6.csv}
     * (start_ip,end_ip,asn,organization); the older {@code asn-ipv4-num.csv}, with IPv4 addresses as integers, is read
     * too. Without one no network is flagged.
     */
    Optional<List<String>> asnDatabase();

    /**
     * Autonomous systems whose addresses are flagged as hosting or VPN networks. The default names large clouds and
     * hosters and networks known to carry commercial VPNs; extend it from your own abuse data.
     */
    @WithDefault(
            "16509,14618,15169,396982,8075,14061,16276,24940,63949,20473,9009,212238,60068,51167,31898,45102,132203")
    Set<Long> hostingAsns();
}
