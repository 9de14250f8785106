package io.tiergate.entitlement.jurisdiction;

import io.tiergate.commons.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Works out where a request comes from: the declared country, and what the client IP says. */
@ApplicationScoped
public class RequestOrigins {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    IpCountries countries;

    @Inject
    HostingNetworks hosting;

    public RequestOrigin of(String declared, String clientIp) {
        if (clientIp == null || clientIp.isBlank()) {
            return RequestOrigin.declared(declared);
        }
        InetAddress address = parse(clientIp.strip());
        long asn = hosting.flaggedAsn(address);
        return new RequestOrigin(declared, countries.countryOf(address), asn != 0, asn == 0 ? null : "AS" + asn);
    }

    /** Parses an address literal only: never a host name, so that no request can make this service query DNS. */
    static InetAddress parse(String literal) {
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
            throw ApiProblem.badRequest("INVALID_CLIENT_IP", "context.clientIp is not an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw ApiProblem.badRequest("INVALID_CLIENT_IP", "context.clientIp is not an IPv4 or IPv6 address");
        }
    }
}
