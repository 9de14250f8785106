package io.tiergate.e2e;

import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, section 3: every metric the alert rules and the Grafana dashboard under deploy/prometheus use, and
 * every name of its metric contract, is exported on {@code /q/metrics} by at least one of the running services. A
 * renamed meter or a rule with a typo fails here instead of never firing.
 * <p>
 * The decision timer is registered on the first decision, so the test makes one; the Kafka binder adds a
 * consumer's metrics once it runs and Micrometer looks for new Kafka metrics only every minute, so the test waits
 * up to two minutes for every name. The others are registered at startup. The same extraction of names from an
 * expression as deploy/prometheus/check_metric_names.py.
 */
class MetricsContractIT {

    static final Path PROMETHEUS = Path.of(System.getProperty("tiergate.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("deploy/prometheus");
    static final Path RULES = PROMETHEUS.resolve("rules/tiergate.rules.yml");
    static final Path DASHBOARD = PROMETHEUS.resolve("grafana/tiergate-dashboard.json");
    static final Path CONTRACT = PROMETHEUS.resolve("metrics-contract.txt");
    static final Duration EXPORT_WAIT = Duration.ofSeconds(120);
    /** The alerts of issue 16: each needs at least one metric of its own. */
    static final int ALERTS = 6;

    static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan",
            "atan2");
    static final List<Pattern> DROPS = List.of(
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\""),
            Pattern.compile("'(?:[^'\\\\]|\\\\.)*'"),
            Pattern.compile("\\{[^}]*\\}"),
            Pattern.compile("\\[[^\\]]*\\]"),
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"),
            Pattern.compile("\\$\\w+"));
    static final Pattern NAME = Pattern.compile("(?<![\\w.$:])[a-zA-Z_:][a-zA-Z0-9_:]*(?![\\w:])(?!\\s*\\()");
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    @BeforeAll
    static void platform() {
        PlatformProcesses.ensureCampaignStarted();
    }

    @AfterAll
    static void stopCampaign() {
        PlatformProcesses.stopCampaign();
    }

    @Test
    void extractionFindsTheMetricsAndNotTheFunctionsLabelsOrKeywords() {
        assertEquals(
                Set.of("tiergate_decisions_seconds_bucket", "tiergate_decisions_seconds_count"),
                metricNames("histogram_quantile(0.99, sum by (job, le) (rate(tiergate_decisions_seconds_bucket"
                        + "{job=\"entitlement-service\", le!=\"x\"}[$__rate_interval]))) > 0.010 and on (job)"
                        + " sum without (decision) (rate(tiergate_decisions_seconds_count[5m] offset 1h)) > bool 1e3"));
    }

    @Test
    void everyMetricTheRulesAndTheDashboardUseIsExported() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        List<String> ruleExprs = ruleExprs(Files.readString(RULES));
        assertTrue(ruleExprs.size() >= ALERTS, "alert expressions found in " + RULES + ": " + ruleExprs);
        ruleExprs.forEach(expr -> metricNames(expr).forEach(name -> usedBy(used, name, "rules")));
        List<String> dashboardExprs = new ArrayList<>();
        new ObjectMapper()
                .readTree(DASHBOARD.toFile())
                .findValues("expr")
                .forEach(expr -> dashboardExprs.add(expr.asText()));
        assertTrue(!dashboardExprs.isEmpty(), "no expressions found in " + DASHBOARD);
        dashboardExprs.forEach(expr -> metricNames(expr).forEach(name -> usedBy(used, name, "dashboard")));
        contract().forEach(name -> usedBy(used, name, "contract"));
        assertTrue(used.size() >= ALERTS, "metric names found: " + used);

        Map<String, String> services = PlatformProcesses.everyServiceUrl();
        decideOnce();
        Map<String, Set<String>> exportedBy = new TreeMap<>();
        Set<String> missing;
        long deadline = System.nanoTime() + EXPORT_WAIT.toNanos();
        while (true) {
            exportedBy.clear();
            services.forEach((service, url) -> exported(url)
                    .forEach(name -> exportedBy
                            .computeIfAbsent(name, n -> new TreeSet<>())
                            .add(service)));
            missing = new TreeSet<>(used.keySet());
            missing.removeIf(exportedBy::containsKey);
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            sleep(Duration.ofSeconds(5));
        }
        StringBuilder report = new StringBuilder();
        used.forEach((name, where) -> report.append(String.format(
                "%n  %-45s used by %-28s exported by %s",
                name, where, exportedBy.getOrDefault(name, Set.of("NOTHING")))));
        System.out.println("metric contract:" + report);
        if (!missing.isEmpty()) {
            fail("not exported by any service after " + EXPORT_WAIT.toSeconds() + " s: " + missing + report);
        }
    }

    /** The metric names in one PromQL expression. */
    static Set<String> metricNames(String expr) {
        String left = expr;
        for (Pattern drop : DROPS) {
            left = drop.matcher(left).replaceAll(" ");
        }
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(left);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The {@code expr:} values of a rules file, plain or folded ({@code >-}) over the lines indented below it. */
    static List<String> ruleExprs(String yaml) {
        List<String> exprs = new ArrayList<>();
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (!trimmed.startsWith("expr:")) {
                continue;
            }
            String value = trimmed.substring("expr:".length()).strip();
            if (value.startsWith(">") || value.startsWith("|")) {
                int indent = line.indexOf("expr:");
                StringBuilder folded = new StringBuilder();
                while (i + 1 < lines.length && (lines[i + 1].isBlank() || indentOf(lines[i + 1]) > indent)) {
                    folded.append(' ').append(lines[++i].strip());
                }
                value = folded.toString().strip();
            } else if (value.length() > 1 && (value.startsWith("\"") || value.startsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            exprs.add(value);
        }
        return exprs;
    }

    static Set<String> contract() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(CONTRACT)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    /** The sample names a service exports (a histogram's _bucket, _count and _sum each count). */
    static Set<String> exported(String baseUrl) {
        Set<String> names = new TreeSet<>();
        Response response = RestAssured.get(baseUrl + "/q/metrics");
        assertEquals(200, response.statusCode(), baseUrl + "/q/metrics");
        for (String line : response.asString().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** One decision, for an unknown subject: the decision timer exists from the first one. */
    static void decideOnce() {
        Steps.decide("metrics-contract-" + UUID.randomUUID(), FABLE_CHAT, "DE", null);
    }

    private static void usedBy(Map<String, Set<String>> used, String name, String where) {
        used.computeIfAbsent(name, n -> new TreeSet<>()).add(where);
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
