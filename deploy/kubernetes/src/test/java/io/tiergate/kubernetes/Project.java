package io.tiergate.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's own sources the Kubernetes resources must agree with: each service's properties and the ports. */
final class Project {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent().getParent();
    static final Path CHART = MODULE.resolve("chart/tiergate");
    static final Path PRODUCTION_VALUES = MODULE.resolve("values-production.yaml");
    static final Path OPERATORS = MODULE.resolve("operators");
    static final List<String> SERVICES = List.of(
            "identity-service", "tier-service", "entitlement-service", "audit-service", "campaign-service", "console");

    private static final Pattern REQUIRED_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)");

    private Project() {}

    static Path applicationProperties(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.properties");
    }

    /** The properties of the prod profile: plain keys, overridden by %prod ones. */
    static Properties prodProperties(String service) {
        Properties all = load(applicationProperties(service));
        Properties prod = new Properties();
        all.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%"))
                .forEach(k -> prod.setProperty(k, all.getProperty(k)));
        all.stringPropertyNames().stream()
                .filter(k -> k.startsWith("%prod."))
                .forEach(k -> prod.setProperty(k.substring("%prod.".length()), all.getProperty(k)));
        return prod;
    }

    /** Environment variables the prod profile expands with no default: the service does not start without them. */
    static Set<String> requiredEnvironment(String service) {
        Set<String> names = new TreeSet<>();
        Properties prod = prodProperties(service);
        for (String key : prod.stringPropertyNames()) {
            Matcher m = REQUIRED_ENV.matcher(prod.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The database a service's JDBC URL names, or null for a service without one. */
    static String database(String service) {
        String url = prodProperties(service).getProperty("quarkus.datasource.jdbc.url");
        if (url == null) {
            return null;
        }
        Matcher m = JDBC_DATABASE.matcher(url);
        if (!m.find()) {
            throw new IllegalStateException(service + ": unexpected JDBC URL " + url);
        }
        return m.group(1);
    }

    /** The ports of deploy/ports.properties, by service. */
    static int port(String service) {
        return Integer.parseInt(load(ROOT.resolve("deploy/ports.properties"))
                .getProperty(service)
                .trim());
    }

    /**
     * Every Kafka topic a service names in its properties: channel topics ({@code mp.messaging.*.topic(s)}), the
     * Kafka Streams topics and the {@code tiergate.topics.*} settings, with ${...} references resolved.
     */
    static TreeMap<String, String> topicsInProperties() {
        TreeMap<String, String> topics = new TreeMap<>();
        for (String service : SERVICES) {
            Properties prod = prodProperties(service);
            for (String key : prod.stringPropertyNames()) {
                boolean topicKey =
                        key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".topics"))
                                || key.equals("quarkus.kafka-streams.topics")
                                || key.startsWith("tiergate.topics.");
                if (!topicKey) {
                    continue;
                }
                for (String topic : resolve(prod, prod.getProperty(key)).split(",")) {
                    topics.putIfAbsent(topic.trim(), service + " " + key);
                }
            }
        }
        return topics;
    }

    private static String resolve(Properties props, String value) {
        Matcher m = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = props.getProperty(m.group(1));
            if (ref == null) {
                throw new IllegalStateException("unresolved ${" + m.group(1) + "} in " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(ref));
        }
        return m.appendTail(out).toString();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path path) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(path)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
