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

    public RequestOrigin of(String declared, String clientIp) {
        if (clientIp == null || clientIp.isBlank()) {
            return RequestOrigin.declared(declared);
        }
        IPAddress address = parse(clientIp.strip());
        long asn = hosting.flaggedAsn(address);
        return new RequestOrigin(
                declared, countries.countryOf(address.toInetAddress()), asn != 0, asn == 0 ? null : "AS" + asn);
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
