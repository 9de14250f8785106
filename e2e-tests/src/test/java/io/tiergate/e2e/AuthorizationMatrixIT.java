package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.PAULA;
import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.PlatformProcesses.IDENTITY;
import static io.tiergate.e2e.PlatformProcesses.TIER;
import static io.tiergate.e2e.PlatformProcesses.url;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.e2e.MatrixCell.Expected;
import io.tiergate.e2e.MatrixCell.Verdict;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, section 2: for every operation of every service's live OpenAPI document, every kind of caller. The
 * expected outcome of each cell comes from the document alone (the {@code keycloak} scopes of the operation's security
 * requirement are the realm roles allowed) and from the caller's token (its issuer, audience and realm roles): a
 * caller without a declared role must be refused (401 without a valid token for the service, 403 with one), a
 * declared caller must get past the security layer (the operation's own answer to placeholder ids and empty bodies,
 * 400/404/409/422, is fine). A refusal by the security layer is a 401/403 whose problem code is UNAUTHENTICATED or
 * FORBIDDEN (or that has no problem body); a 401/403 with another code is the operation's own answer.
 * <p>
 * Requests are built so that an allowed caller changes nothing: empty JSON bodies fail validation, which Quarkus runs
 * after the role check; ids are random; policy versions do not exist; and {@code POST /v1/policies/rollback}, which
 * takes no input at all, is sent only to callers who must be refused. Ownership rules get cells of their own: bob,
 * a customer, on alice's resources, with alice on the same resource as the control that it exists.
 * <p>
 * The matrix is printed and written to {@code target/authorization-matrix.md}; with
 * {@code -Dtiergate.security.docs=true} it also replaces the generated part of {@code docs/security.md}.
 */
class AuthorizationMatrixIT {

    static final Path ROOT =
            Path.of(System.getProperty("tiergate.root", "..")).toAbsolutePath().normalize();
    static final String REALM_ISSUER = KeycloakTokens.keycloakUrl() + "/realms/tiergate";

    /** Operations that take no input an allowed caller could send harmlessly: sent only to callers to be refused. */
    static final Map<String, String> NOT_SENT_WHEN_ALLOWED =
            Map.of("entitlement-service POST /v1/policies/rollback", "would roll back the policy in force");

    /** Query parameters that keep an allowed read cheap (one item, an empty export range); others are left out. */
    static final Map<String, String> CHEAP_QUERY = Map.of("limit", "1", "from", "0", "to", "0");

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A column of the matrix: a token per service, or none (anonymous). */
    record Caller(String column, String who, boolean forged, Function<String, String> tokenFor) {}

    @BeforeAll
    static void platform() {
        PlatformProcesses.ensureCampaignStarted();
    }

    @AfterAll
    static void stopCampaign() {
        PlatformProcesses.stopCampaign();
    }

    static Map<String, String> serviceUrls() {
        return PlatformProcesses.everyServiceUrl();
    }

    @Test
    void everyOperationRefusesEveryCallerItDoesNotDeclare() throws Exception {
        Map<String, String> urls = serviceUrls();
        List<ApiOperation> operations = new ArrayList<>();
        urls.forEach((service, base) -> operations.addAll(ApiOperation.of(service, base)));
        ForgedTokens forged = ForgedTokens.forRealm();
        List<Caller> callers = callers(forged);

        long started = System.nanoTime();
        List<MatrixCell> cells = run(operations, callers, urls);
        List<MatrixCell> ownership = ownershipCells();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        AuthorizationMatrixReport report = new AuthorizationMatrixReport(
                urls.keySet(), operations, callers, callerRoles(callers), cells, ownership, took);
        report.write(ROOT.resolve("e2e-tests/target/authorization-matrix.md"));
        if (Boolean.getBoolean("tiergate.security.docs")) {
            report.replaceGeneratedPart(ROOT.resolve("docs/security.md"));
        }
        System.out.println(report.markdown());

        List<String> undeclared = operations.stream()
                .filter(o -> !o.isPublic() && o.roles().isEmpty())
                .map(o -> o.service() + " " + o.name())
                .toList();
        List<String> allows = failures(cells, ownership, Verdict.UNEXPECTED_ALLOW);
        List<String> denials = failures(cells, ownership, Verdict.UNEXPECTED_DENIAL);
        List<String> otherRefusals = failures(cells, ownership, Verdict.OTHER_REFUSAL);
        assertAll(
                () -> assertEquals(
                        urls.keySet(),
                        operations.stream()
                                .map(ApiOperation::service)
                                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                        "every service has operations"),
                () -> assertTrue(undeclared.isEmpty(), "operations whose security names no role: " + undeclared),
                () -> assertTrue(allows.isEmpty(), allows.size() + " unexpected allows:\n" + String.join("\n", allows)),
                () -> assertTrue(
                        denials.isEmpty(), denials.size() + " unexpected denials:\n" + String.join("\n", denials)),
                () -> assertTrue(
                        otherRefusals.isEmpty(),
                        otherRefusals.size() + " refused with the other status:\n" + String.join("\n", otherRefusals)),
                () -> assertFalse(ownership.isEmpty(), "ownership cells ran"));
    }

    private static List<String> failures(List<MatrixCell> cells, List<MatrixCell> ownership, Verdict verdict) {
        List<String> found = new ArrayList<>();
        for (List<MatrixCell> list : List.of(cells, ownership)) {
            list.stream()
                    .filter(c -> c.verdict() == verdict)
                    .map(MatrixCell::describe)
                    .forEach(found::add);
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------- the callers

    static List<Caller> callers(ForgedTokens forged) {
        String expired = forged.expired();
        String foreign = forged.foreignKey();
        String none = forged.algNone();
        return List.of(
                new Caller("anonymous", "no Authorization header", false, s -> null),
                new Caller("customer", "alice (customer)", false, s -> KeycloakTokens.user(ALICE)),
                new Caller("officer", "olivia (compliance-officer)", false, s -> KeycloakTokens.user(OLIVIA)),
                new Caller("auditor", "audrey (auditor)", false, s -> KeycloakTokens.user(AUDREY)),
                new Caller("admin", "paula (platform-admin)", false, s -> KeycloakTokens.user(PAULA)),
                new Caller("gateway", "demo-gateway (client credentials)", false, s -> KeycloakTokens.gateway()),
                new Caller(
                        "expired",
                        "exp an hour ago, our own key under the realm's kid, every role",
                        true,
                        s -> expired),
                new Caller(
                        "foreign key", "unexpired, our own key under the realm's kid, every role", true, s -> foreign),
                new Caller("alg none", "alg: none, no signature, every role", true, s -> none),
                new Caller(
                        "other audience",
                        "a real token whose aud lacks the service: demo-gateway's where its "
                                + "audience lacks the service, else tier-service's service account (aud realm-management)",
                        false,
                        AuthorizationMatrixIT::otherAudienceToken),
                new Caller(
                        "other realm",
                        "the master realm's admin (admin-cli, password grant)",
                        false,
                        s -> masterAdminToken()));
    }

    /** Each caller's realm roles as its token states them (the platform's five only), for the report. */
    static Map<String, String> callerRoles(List<Caller> callers) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Caller caller : callers) {
            String token = caller.tokenFor().apply(IDENTITY);
            List<String> held =
                    token == null ? List.of() : ForgedTokens.claimsOf(token).getList("realm_access.roles");
            String shown = held == null
                    ? "none"
                    : held.stream().filter(ForgedTokens.EVERY_ROLE::contains).collect(Collectors.joining(", "));
            roles.put(caller.column(), (shown.isEmpty() ? "none" : shown) + (caller.forged() ? " (forged)" : ""));
        }
        return roles;
    }

    static String otherAudienceToken(String service) {
        String gateway = KeycloakTokens.gateway();
        if (!audiences(ForgedTokens.claimsOf(gateway)).contains(service)) {
            return gateway;
        }
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "tier-service")
                .formParam("client_secret", "tier-service-secret")
                .post(REALM_ISSUER + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The master realm's tokens live a minute: one per service, fetched when its column is filled. */
    static String masterAdminToken() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post(KeycloakTokens.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static List<String> audiences(JsonPath claims) {
        Object aud = claims.get("aud");
        if (aud instanceof String single) {
            return List.of(single);
        }
        return aud instanceof Collection<?> many
                ? many.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** From the document and the token only: who this caller is to this operation. */
    static Expected expected(ApiOperation operation, Caller caller, String token) {
        boolean validForService;
        Set<String> roles = Set.of();
        if (token == null || caller.forged()) {
            validForService = false;
        } else {
            JsonPath claims = ForgedTokens.claimsOf(token);
            validForService = REALM_ISSUER.equals(claims.getString("iss"))
                    && audiences(claims).contains(operation.service());
            List<String> realmRoles = claims.getList("realm_access.roles");
            roles = realmRoles == null ? Set.of() : Set.copyOf(realmRoles);
        }
        if (operation.isPublic()) {
            return token == null || validForService ? Expected.PASS : Expected.EITHER;
        }
        if (!validForService) {
            return Expected.REFUSE_401;
        }
        boolean declared =
                operation.roles().isEmpty() || operation.roles().stream().anyMatch(roles::contains);
        return declared ? Expected.PASS : Expected.REFUSE_403;
    }

    // ---------------------------------------------------------------------------------------------- the cells

    static List<MatrixCell> run(List<ApiOperation> operations, List<Caller> callers, Map<String, String> urls)
            throws Exception {
        // one token per caller and service, fetched before the clock of short-lived tokens starts
        Map<String, Map<String, String>> tokens = new LinkedHashMap<>();
        for (String service : urls.keySet()) {
            Map<String, String> byCaller = new LinkedHashMap<>();
            for (Caller caller : callers) {
                byCaller.put(caller.column(), caller.tokenFor().apply(service));
            }
            tokens.put(service, byCaller);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<MatrixCell>> futures = new ArrayList<>();
            for (ApiOperation operation : operations) {
                for (Caller caller : callers) {
                    String token = tokens.get(operation.service()).get(caller.column());
                    futures.add(pool.submit(() -> cell(operation, caller, token, urls.get(operation.service()))));
                }
            }
            List<MatrixCell> cells = new ArrayList<>();
            for (Future<MatrixCell> future : futures) {
                cells.add(future.get());
            }
            return cells;
        } finally {
            pool.shutdownNow();
        }
    }

    static MatrixCell cell(ApiOperation operation, Caller caller, String token, String base) throws Exception {
        Expected expected = expected(operation, caller, token);
        String notSent = NOT_SENT_WHEN_ALLOWED.get(operation.service() + " " + operation.name());
        if (notSent != null && expected != Expected.REFUSE_401 && expected != Expected.REFUSE_403) {
            return MatrixCell.notSent(operation, caller.column(), expected, notSent);
        }
        String sub = token == null || caller.forged()
                ? null
                : ForgedTokens.claimsOf(token).getString("sub");
        String subject = sub != null ? sub : UUID.randomUUID().toString();
        HttpResponse<String> response =
                HTTP.send(request(operation, base, token, subject), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("content-type").orElse(null);
        return new MatrixCell(
                operation,
                caller.column(),
                expected,
                response.statusCode(),
                MatrixCell.codeOf(
                        contentType,
                        response.body(),
                        response.headers().firstValue("x-tiergate-reasons").orElse(null)),
                null);
    }

    /** Placeholders an allowed caller cannot hurt anything with; a {subject} is the caller's own (ownership aside). */
    static HttpRequest request(ApiOperation operation, String base, String token, String subject) {
        String path = operation.path();
        for (Map.Entry<String, Map<String, Object>> parameter :
                operation.pathParameters().entrySet()) {
            path = path.replace(
                    "{" + parameter.getKey() + "}",
                    URLEncoder.encode(
                            placeholder(parameter.getKey(), parameter.getValue(), subject), StandardCharsets.UTF_8));
        }
        String query = operation.queryParameters().stream()
                .filter(CHEAP_QUERY::containsKey)
                .map(q -> q + "=" + CHEAP_QUERY.get(q))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (operation.bodyType() != null) {
            builder.header("Content-Type", operation.bodyType());
            body = HttpRequest.BodyPublishers.ofString(
                    operation.bodyType().contains("json")
                                    && !operation.bodyType().contains("ndjson")
                            ? "{}"
                            : "");
        }
        return builder.method(operation.method(), body).build();
    }

    static String placeholder(String name, Map<String, Object> schema, String subject) {
        if ("subject".equals(name)) {
            return subject;
        }
        if ("uuid".equals(schema.get("format"))) {
            return UUID.randomUUID().toString();
        }
        Object type = schema.get("type");
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        if ("path".equals(name)) {
            return "authz-matrix-probe"; // ext-authz: one segment names no capability
        }
        return "authz-matrix-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---------------------------------------------------------------------------------------------- ownership

    /**
     * Bob, a customer, on alice's resources; alice on the same ones is the control that each exists. Both are
     * customers of this suite's own (not the realm's demo alice and bob), so no other suite's leftovers matter: alice
     * is verified, as the thread does, and files a renewal of her PUBLIC grant, which an officer denies at once so
     * that no queue keeps it.
     */
    static List<MatrixCell> ownershipCells() throws Exception {
        Steps.Customer alice = Steps.newCustomer("alice");
        Steps.Customer bob = Steps.newCustomer("bob");
        String caseId = caseOf(alice);
        String requestId = renewalRequestOf(alice);
        String decision = "{\"subject\":\"" + alice.subject() + "\",\"capability\":\"fable-5:chat\"}";
        String tierRequest = "{\"subject\":\"" + alice.subject() + "\",\"tier\":\"PUBLIC\","
                + "\"justification\":\"authorization matrix: a request for someone else\"}";
        List<MatrixCell> cells = new ArrayList<>();
        cells.addAll(owned(
                IDENTITY,
                "GET",
                "/v1/verifications/{id}",
                "/v1/verifications/" + caseId,
                null,
                "a customer reads their own case only",
                alice,
                bob,
                true));
        cells.addAll(owned(
                TIER,
                "GET",
                "/v1/tier-requests/{id}",
                "/v1/tier-requests/" + requestId,
                null,
                "a customer reads their own requests only",
                alice,
                bob,
                true));
        cells.addAll(owned(
                TIER,
                "GET",
                "/v1/subjects/{subject}/tier",
                "/v1/subjects/" + alice.subject() + "/tier",
                null,
                "a customer reads their own tier only",
                alice,
                bob,
                true));
        cells.addAll(owned(
                ENTITLEMENT,
                "GET",
                "/v1/subjects/{subject}/usage",
                "/v1/subjects/" + alice.subject() + "/usage",
                null,
                "a customer reads their own usage only",
                alice,
                bob,
                true));
        // state-changing for the owner: bob only (his refusal comes before anything is decided or filed)
        cells.addAll(owned(
                ENTITLEMENT,
                "POST",
                "/v1/decisions",
                "/v1/decisions",
                decision,
                "a customer's token decides for its own subject only",
                alice,
                bob,
                false));
        cells.addAll(owned(
                TIER,
                "POST",
                "/v1/tier-requests",
                "/v1/tier-requests",
                tierRequest,
                "a customer requests tiers for themselves only",
                alice,
                bob,
                false));
        return cells;
    }

    private static List<MatrixCell> owned(
            String service,
            String method,
            String template,
            String path,
            String body,
            String rule,
            Steps.Customer owner,
            Steps.Customer other,
            boolean withControl)
            throws Exception {
        ApiOperation operation = new ApiOperation(
                service,
                method,
                template,
                Set.of(),
                rule,
                Map.of(),
                Set.of(),
                body == null ? null : "application/json",
                null,
                Map.of());
        List<MatrixCell> cells = new ArrayList<>();
        cells.add(ownedCell(
                operation, "bob on alice's", KeycloakTokens.user(other.username()), url(service) + path, body, false));
        if (withControl) {
            cells.add(ownedCell(
                    operation,
                    "alice on her own",
                    KeycloakTokens.user(owner.username()),
                    url(service) + path,
                    body,
                    true));
        }
        return cells;
    }

    /** Bob must be refused (403, or 404 where the rule hides another's resource); alice must read hers (2xx). */
    private static MatrixCell ownedCell(
            ApiOperation operation, String caller, String token, String target, String body, boolean owner)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(
                builder.method(
                                operation.method(),
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new MatrixCell(
                operation,
                caller,
                owner ? Expected.OWNER_READS : Expected.REFUSE_NOT_OWNER,
                response.statusCode(),
                MatrixCell.codeOf(response.headers().firstValue("content-type").orElse(null), response.body(), null),
                null);
    }

    /** The owner's verification case: US claims, verified at once. */
    static String caseOf(Steps.Customer owner) {
        Steps.verify(owner.username(), List.of("US"), "US");
        return given().auth()
                .oauth2(KeycloakTokens.user(owner.username()))
                .get(url(IDENTITY) + "/v1/verifications/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    /** A tier request the owner filed: a renewal of the PUBLIC grant verification earned, denied by an officer. */
    static String renewalRequestOf(Steps.Customer owner) {
        String grant = Steps.publicGrantOf(owner.subject());
        String request = given().auth()
                .oauth2(KeycloakTokens.user(owner.username()))
                .contentType(ContentType.JSON)
                .body(Map.of("justification", "authorization matrix: a request of alice's for the ownership cells"))
                .post(url(TIER) + "/v1/grants/" + grant + "/renewal")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "authorization matrix: not a real renewal"))
                .post(url(TIER) + "/v1/tier-requests/" + request + "/denial")
                .then()
                .statusCode(200);
        return request;
    }
}
