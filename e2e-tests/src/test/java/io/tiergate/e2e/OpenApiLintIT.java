package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's OpenAPI document passes Redocly's recommended rules with no error and no warning, as a gateway
 * team would lint it before generating a client. The documents are the ones Quarkus writes at build time
 * (target/openapi/, set in platform-commons' microprofile-config.properties); the running services serve the same.
 * The linter is {@code @redocly/cli} from the npm registry, installed by {@code deploy/tiergate test}.
 */
class OpenApiLintIT {

    private static final Path ROOT =
            Path.of(System.getProperty("tiergate.root", "..")).toAbsolutePath().normalize();
    private static final Path REDOCLY = Path.of(System.getProperty(
            "tiergate.redocly",
            ROOT.resolve(".tiergate/dist/redocly/node_modules/.bin/redocly").toString()));

    @ParameterizedTest
    @ValueSource(
            strings = {"identity-service", "tier-service", "entitlement-service", "audit-service", "campaign-service"})
    void theDocumentPassesRedoclysRecommendedRules(String service) throws Exception {
        Path document = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        assertTrue(Files.isRegularFile(document), service + " is not packaged: " + document);
        assertTrue(
                Files.isExecutable(REDOCLY),
                "no Redocly CLI at " + REDOCLY + " (deploy/tiergate test installs it; or set -Dtiergate.redocly)");

        JsonPath report = JsonPath.from(lint(document));

        List<Map<String, Object>> problems = report.getList("problems");
        assertEquals(0, report.getInt("totals.errors"), service + ": " + summary(problems));
        assertEquals(0, report.getInt("totals.warnings"), service + ": " + summary(problems));
    }

    @Test
    void theRunningServicesServeTheLintedDocuments() throws IOException {
        PlatformProcesses.ensureStarted();
        for (String service : List.of(
                PlatformProcesses.IDENTITY,
                PlatformProcesses.TIER,
                PlatformProcesses.ENTITLEMENT,
                PlatformProcesses.AUDIT)) {
            Object served = given().accept("application/json")
                    .get(PlatformProcesses.url(service) + "/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .get("");
            Object built = JsonPath.from(ROOT.resolve(service)
                            .resolve("target/openapi/openapi.json")
                            .toFile())
                    .get("");
            assertEquals(built, served, service + " serves a document other than the one linted");
        }
    }

    private static String lint(Path document) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(REDOCLY.toString(), "lint", "--format=json", document.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "redocly did not finish");
        int start = out.indexOf('{');
        assertTrue(start >= 0, "redocly printed no report: " + out);
        return out.substring(start);
    }

    private static String summary(List<Map<String, Object>> problems) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> problem : problems) {
            text.append("\n  ")
                    .append(problem.get("severity"))
                    .append(' ')
                    .append(problem.get("ruleId"))
                    .append(": ")
                    .append(problem.get("message"));
            Object location = problem.get("location");
            if (location instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                text.append(" at ").append(first.get("pointer"));
            }
        }
        return text.toString();
    }
}
