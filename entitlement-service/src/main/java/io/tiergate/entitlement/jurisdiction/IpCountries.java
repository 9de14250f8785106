package io.tiergate.entitlement.jurisdiction;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Maps an IP address to a country through a MaxMind-format database, read with MaxMind's own reader (memory-mapped,
 * thread-safe). Its decoded-record cache holds one record per country, so a lookup on the hot path decodes nothing. Understands both GeoLite2 records ({@code country.iso_code}) and
 * ip-location-db's ({@code country_code}).
 */
@ApplicationScoped
public class IpCountries {

    private static final Logger LOG = Logger.getLogger(IpCountries.class);

    @Inject
    GeoIpConfig config;

    private volatile Reader reader;

    void open(@Observes StartupEvent ignored) {
        config.countryDatabase().filter(path -> !path.isBlank()).ifPresent(path -> {
            try {
                reader = new Reader(new File(path), new CHMCache());
                LOG.infof(
                        "country database %s (%s, built %s)",
                        path,
                        reader.getMetadata().getDatabaseType(),
                        reader.getMetadata().getBuildDate());
            } catch (IOException e) {
                throw new UncheckedIOException("country database unreadable: " + path, e);
            }
        });
        if (reader == null) {
            LOG.info("no country database configured: client IPs are not mapped to countries");
        }
    }

    void close(@Observes ShutdownEvent ignored) throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    /** The database in use (null when none), to tell whether an answer came from it. */
    Object database() {
        return reader;
    }

    public boolean enabled() {
        return reader != null;
    }

    /** The ISO 3166-1 alpha-2 country of the address, or null when the database has none for it. */
    @SuppressWarnings("unchecked")
    public String countryOf(InetAddress address) {
        Reader current = reader;
        if (current == null) {
            return null;
        }
        try {
            Map<String, Object> record = current.get(address, Map.class);
            if (record == null) {
                return null;
            }
            Object code = record.get("country_code");
            if (code == null && record.get("country") instanceof Map<?, ?> country) {
                code = country.get("iso_code");
            }
            return code == null ? null : code.toString().toUpperCase(Locale.ROOT);
        } catch (IOException | RuntimeException e) {
            // an IPv6 address in an IPv4-only database, for one: no derived country
            return null;
        }
    }
}
