package io.tiergate.entitlement.jurisdiction;

import inet.ipaddr.IPAddress;
import io.tiergate.commons.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Works out where a request comes from: the declared country, and what the client IP says. */
@ApplicationScoped
public class RequestOrigins {

    @Inject
    IpCountries countries;

    @Inject
    HostingNetworks hosting;

    /** Slots of {@link #known}, a power of two. */
    static final int KNOWN_ADDRESSES = 4096;

    /**
     * What a client IP literal maps to, and the databases that said so (compared by identity, so that a database
     * loaded anew makes every entry stale). Immutable, so that the slots can be read and replaced without a lock.
     */
    private record Known(
            String literal, Object countryDatabase, Object networks, String derived, long asn, String network) {}

    /**
     * Client IPs seen lately, one per slot by the literal's hash: a gateway's clients come back, and for one seen
     * lately a decision parses no address and looks nothing up (about 1.5 KB of allocation a decision otherwise). A
     * literal that is refused is never kept.
     */
    private final Known[] known = new Known[KNOWN_ADDRESSES];

    public RequestOrigin of(String declared, String clientIp) {
        if (clientIp == null || clientIp.isBlank()) {
            return RequestOrigin.declared(declared);
        }
        String literal = clientIp.strip();
        Object countryDatabase = countries.database();
        Object networks = hosting.database();
        int slot = literal.hashCode() & (KNOWN_ADDRESSES - 1);
        Known origin = known[slot];
        if (origin == null
                || origin.countryDatabase() != countryDatabase
                || origin.networks() != networks
                || !origin.literal().equals(literal)) {
            IPAddress address = parse(literal);
            long asn = hosting.flaggedAsn(address);
            origin = new Known(
                    literal,
                    countryDatabase,
                    networks,
                    countries.countryOf(address.toInetAddress()),
                    asn,
                    asn == 0 ? null : "AS" + asn);
            known[slot] = origin;
        }
        return new RequestOrigin(declared, origin.derived(), origin.asn() != 0, origin.network());
    }

    /**
     * Parses an address literal only ({@link IpLiterals}): never a host name, so that no request can make this service
     * query DNS. An IPv4-mapped IPv6 address comes back as its IPv4 address.
     */
    static IPAddress parse(String literal) {
        IPAddress address = IpLiterals.parse(literal);
        if (address == null) {
            throw ApiProblem.badRequest("INVALID_CLIENT_IP", "context.clientIp is not an IPv4 or IPv6 address");
        }
        return address;
    }
}
