package io.tiergate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The same decision asked of Keycloak Authorization Services: a resource server client whose capabilities are
 * resources, each guarded by a resource permission over an aggregated policy (UNANIMOUS, i.e. AND) of a group
 * policy for the tiers and a regex policy on the {@code nationality} claim. Decisions are UMA grants with
 * {@code response_mode=decision}.
 */
final class KeycloakAuthorization {

    static final String CLIENT = "bench-authz";
    static final String SECRET = "bench-authz-secret";
    static final String USER = "bench-user";

    private final String keycloak;
    private final String admin;

    KeycloakAuthorization(String keycloak, String adminUser, String adminPassword) {
        this.keycloak = keycloak;
        this.admin = Http.adminToken(keycloak, adminUser, adminPassword);
    }

    /** (Re)creates the resource server with {@code capabilities} resources; returns the permission names. */
    List<String> setUp(int capabilities) {
        String realm = keycloak + "/admin/realms/tiergate";
        JsonNode existing = Http.send("GET", realm + "/clients?clientId=" + CLIENT, admin, null)
                .expect(200)
                .json();
        for (JsonNode client : existing) {
            Http.send("DELETE", realm + "/clients/" + client.path("id").asText(), admin, null)
                    .expect(204);
        }
        Http.send(
                        "POST",
                        realm + "/clients",
                        admin,
                        Map.of(
                                "clientId",
                                CLIENT,
                                "secret",
                                SECRET,
                                "publicClient",
                                false,
                                "serviceAccountsEnabled",
                                true,
                                "authorizationServicesEnabled",
                                true,
                                "directAccessGrantsEnabled",
                                true,
                                "protocolMappers",
                                List.of(Map.of(
                                        "name",
                                        "nationality",
                                        "protocol",
                                        "openid-connect",
                                        "protocolMapper",
                                        "oidc-hardcoded-claim-mapper",
                                        "config",
                                        Map.of(
                                                "claim.name",
                                                "nationality",
                                                "claim.value",
                                                "US",
                                                "jsonType.label",
                                                "String",
                                                "access.token.claim",
                                                "true",
                                                "id.token.claim",
                                                "false",
                                                "userinfo.token.claim",
                                                "false")))))
                .expect(201);
        String clientId = Http.send("GET", realm + "/clients?clientId=" + CLIENT, admin, null)
                .expect(200)
                .json()
                .path(0)
                .path("id")
                .asText();
        String authz = realm + "/clients/" + clientId + "/authz/resource-server";

        List<Map<String, Object>> groups = new ArrayList<>();
        for (String tier : List.of("tier-research", "tier-government")) {
            String id = Http.send("GET", realm + "/groups?exact=true&search=" + tier, admin, null)
                    .expect(200)
                    .json()
                    .path(0)
                    .path("id")
                    .asText();
            groups.add(Map.of("id", id, "extendChildren", false));
        }
        String tiers = Http.send(
                        "POST",
                        authz + "/policy/group",
                        admin,
                        Map.of("name", "research-or-government-tier", "groups", groups, "logic", "POSITIVE"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String nationality = Http.send(
                        "POST",
                        authz + "/policy/regex",
                        admin,
                        Map.of(
                                "name",
                                "nationality-not-of-concern",
                                "targetClaim",
                                "nationality",
                                "pattern",
                                "^(?!(CN|RU|BY|IR|KP|SY|CU)$)[A-Z]{2}$",
                                "logic",
                                "POSITIVE"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String both = Http.send(
                        "POST",
                        authz + "/policy/aggregate",
                        admin,
                        Map.of(
                                "name",
                                "tier-and-nationality",
                                "policies",
                                List.of(tiers, nationality),
                                "decisionStrategy",
                                "UNANIMOUS",
                                "logic",
                                "POSITIVE"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < capabilities; i++) {
            String name = "capability-" + i;
            String resource = Http.send(
                            "POST", authz + "/resource", admin, Map.of("name", name, "ownerManagedAccess", false))
                    .expect(201)
                    .json()
                    .path("_id")
                    .asText();
            Http.send(
                            "POST",
                            authz + "/permission/resource",
                            admin,
                            Map.of(
                                    "name",
                                    "use-" + name,
                                    "resources",
                                    List.of(resource),
                                    "policies",
                                    List.of(both),
                                    "decisionStrategy",
                                    "UNANIMOUS"))
                    .expect(201);
            resources.add(name);
        }

        JsonNode users = Http.send("GET", realm + "/users?exact=true&username=" + USER, admin, null)
                .expect(200)
                .json();
        for (JsonNode user : users) {
            Http.send("DELETE", realm + "/users/" + user.path("id").asText(), admin, null)
                    .expect(204);
        }
        Http.send(
                        "POST",
                        realm + "/users",
                        admin,
                        Map.of(
                                "username",
                                USER,
                                "enabled",
                                true,
                                "emailVerified",
                                true,
                                "firstName",
                                "Bench",
                                "lastName",
                                "User",
                                "email",
                                "bench-user@example.invalid",
                                "credentials",
                                List.of(Map.of("type", "password", "value", USER, "temporary", false)),
                                "groups",
                                List.of("/tier-research")))
                .expect(201);
        return resources;
    }

    /** The UMA decision request for a resource, as the user; checked once so the load measures real answers. */
    Target target(List<String> resources) {
        String userToken = Http.token(
                keycloak,
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        CLIENT,
                        "client_secret",
                        SECRET,
                        "username",
                        USER,
                        "password",
                        USER));
        String tokenUrl = keycloak + "/realms/tiergate/protocol/openid-connect/token";
        List<Buffer> bodies = new ArrayList<>();
        for (String resource : resources) {
            bodies.add(Buffer.buffer(Http.form(Map.of(
                    "grant_type",
                    "urn:ietf:params:oauth:grant-type:uma-ticket",
                    "audience",
                    CLIENT,
                    "permission",
                    resource,
                    "response_mode",
                    "decision"))));
        }
        Http.Reply probe = Http.postForm(
                        tokenUrl,
                        userToken,
                        Map.of(
                                "grant_type",
                                "urn:ietf:params:oauth:grant-type:uma-ticket",
                                "audience",
                                CLIENT,
                                "permission",
                                resources.get(0),
                                "response_mode",
                                "decision"))
                .expect(200);
        if (!probe.json().path("result").asBoolean()) {
            throw new IllegalStateException("Keycloak did not grant the probe decision: " + probe.body());
        }
        return new Target(
                "keycloak UMA decision",
                HttpMethod.POST,
                URI.create(tokenUrl),
                Map.of("Authorization", "Bearer " + userToken, "Content-Type", "application/x-www-form-urlencoded"),
                bodies,
                200);
    }
}
