package io.tiergate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/ports.properties defines the ports once; the launcher and the end-to-end tests read it. The services'
 * application.properties (their defaults outside the launcher, and @QuarkusTest's %test profile) and the README's
 * table can't read it, so they are checked against it here.
 */
class PortsTest {

    private static final Path ROOT = Ports.FILE.getParent().getParent();
    private static final List<String> MODULES = List.of(
            "console", "identity-service", "tier-service", "entitlement-service", "audit-service", "campaign-service");
    private static final Pattern ADDRESS = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    @Test
    void everyPortInTheServicesConfigurationIsTheOneDefinedForItsComponent() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String module : MODULES) {
            Path file = ROOT.resolve(module).resolve("src/main/resources/application.properties");
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                boolean test = line.startsWith("%test.");
                String key = line.substring(0, line.indexOf('=')).replaceFirst("^%\\w+\\.", "");
                List<Integer> ports = new ArrayList<>();
                if (key.equals("quarkus.http.port")) {
                    ports.add(Integer.parseInt(
                            line.substring(line.indexOf('=') + 1).strip()));
                }
                Matcher address = ADDRESS.matcher(line);
                while (address.find()) {
                    ports.add(Integer.parseInt(address.group(1)));
                }
                for (int port : ports) {
                    String component = componentOf(module, key);
                    int expected = test ? Ports.test(component) : Ports.dev(component);
                    checked++;
                    if (port != expected) {
                        wrong.add(file.getFileName() + " of " + module + " line " + (i + 1) + ": " + port + " for "
                                + component + ", defined as " + expected);
                    }
                }
            }
        }
        assertTrue(checked > 40, "the check found the configured ports (" + checked + ")");
        assertEquals(List.of(), wrong);
    }

    @Test
    void theReadmeTableShowsTheDefinedPorts() throws IOException {
        Map<String, String> rows = Map.of(
                "console",
                "console",
                "Keycloak",
                "keycloak",
                "Kafka",
                "kafka",
                "PostgreSQL",
                "postgres",
                "identity-service",
                "identity-service",
                "tier-service",
                "tier-service",
                "entitlement-service",
                "entitlement-service",
                "audit-service",
                "audit-service",
                "campaign-service",
                "campaign-service");
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String line = readme.stream()
                    .filter(l -> l.startsWith("| " + row.getKey() + " |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("README's ports table has no row for " + row.getKey()));
            String[] cells = line.split("\\|");
            String component = row.getValue();
            assertTrue(
                    Pattern.compile("\\b" + Ports.dev(component) + "\\b")
                            .matcher(cells[2])
                            .find(),
                    row.getKey() + "'s dev port in the README: " + line);
            assertTrue(
                    Pattern.compile("\\b" + Ports.test(component) + "\\b")
                            .matcher(cells[3])
                            .find(),
                    row.getKey() + "'s test port in the README: " + line);
        }
    }

    @Test
    void theBuildPassesTheTestKeycloakThatTheLauncherStarts() throws IOException {
        Matcher address = ADDRESS.matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(address.find(), "the root pom names the test Keycloak");
        assertEquals(Ports.test("keycloak"), Integer.parseInt(address.group(1)));
        assertTrue(!address.find(), "the root pom names no other address");
    }

    /** Which component a configuration key's address points at. */
    private static String componentOf(String module, String key) {
        if (key.equals("quarkus.http.port")) {
            return module;
        }
        if (key.contains("datasource")) {
            return "postgres";
        }
        if (key.contains("kafka")) {
            return "kafka";
        }
        if (key.contains("oidc") || key.contains("keycloak")) {
            return "keycloak";
        }
        Matcher client = Pattern.compile("rest-client\\.(\\w+)\\.url").matcher(key);
        if (client.find()) {
            return client.group(1) + "-service";
        }
        throw new AssertionError(module + ": no component known for the address in " + key);
    }
}
