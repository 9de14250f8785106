package io.tiergate.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a service's OpenAPI document, with what the document says about who may call it: the scopes of
 * the {@code keycloak} scheme are the realm roles allowed. {@code roles == null} means the operation requires no
 * security at all (public).
 *
 * @param pathParameters name to schema ({@code type}, {@code format}) of each path parameter
 * @param queryParameters the names of its query parameters
 * @param bodyType the first media type of its request body, or null when it takes none
 * @param bodySchema that media type's schema, {@code $ref}s left in place (resolve with {@code schemas}), or null
 * @param schemas the document's component schemas by name
 */
record ApiOperation(
        String service,
        String method,
        String path,
        Set<String> roles,
        String summary,
        Map<String, Map<String, Object>> pathParameters,
        Set<String> queryParameters,
        String bodyType,
        Map<String, Object> bodySchema,
        Map<String, Map<String, Object>> schemas) {

    static final String SCHEME = "keycloak";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");

    boolean isPublic() {
        return roles == null;
    }

    String name() {
        return method + " " + path;
    }

    /** Every operation of the service's live document ({@code /q/openapi?format=json}), in document order. */
    @SuppressWarnings("unchecked")
    static List<ApiOperation> of(String service, String baseUrl) {
        JsonPath document = JsonPath.from(given().queryParam("format", "json")
                .get(baseUrl + "/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<Map<String, List<String>>> documentSecurity = document.getList("security");
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Map<String, Map<String, Object>> schemas = document.getMap("components.schemas");
        List<ApiOperation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            List<Map<String, Object>> shared = (List<Map<String, Object>>) item.getOrDefault("parameters", List.of());
            for (String method : METHODS) {
                Map<String, Object> operation = (Map<String, Object>) item.get(method);
                if (operation == null) {
                    continue;
                }
                List<Map<String, Object>> parameters = new ArrayList<>(shared);
                parameters.addAll((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of()));
                Map<String, Map<String, Object>> pathParameters = new LinkedHashMap<>();
                Set<String> queryParameters = new LinkedHashSet<>();
                for (Map<String, Object> parameter : parameters) {
                    String name = (String) parameter.get("name");
                    if ("path".equals(parameter.get("in"))) {
                        pathParameters.put(
                                name,
                                resolved((Map<String, Object>) parameter.getOrDefault("schema", Map.of()), schemas));
                    } else if ("query".equals(parameter.get("in"))) {
                        queryParameters.add(name);
                    }
                }
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                Map<String, Object> content =
                        body == null ? Map.of() : (Map<String, Object>) body.getOrDefault("content", Map.of());
                String bodyType = body == null
                        ? null
                        : content.keySet().stream().findFirst().orElse("application/json");
                Map<String, Object> bodySchema = bodyType == null || !content.containsKey(bodyType)
                        ? null
                        : (Map<String, Object>) ((Map<String, Object>) content.get(bodyType)).get("schema");
                List<Map<String, List<String>>> security = operation.containsKey("security")
                        ? (List<Map<String, List<String>>>) operation.get("security")
                        : documentSecurity;
                operations.add(new ApiOperation(
                        service,
                        method.toUpperCase(),
                        path,
                        roles(security),
                        (String) operation.get("summary"),
                        pathParameters,
                        queryParameters,
                        bodyType,
                        bodySchema,
                        schemas == null ? Map.of() : schemas));
            }
        });
        return operations;
    }

    /** A schema of this document, or the component it refers to. */
    Map<String, Object> resolve(Map<String, Object> schema) {
        return resolved(schema, schemas);
    }

    /** A parameter's schema, or the component it refers to ({@code UUID} is one: {@code format: uuid}). */
    private static Map<String, Object> resolved(Map<String, Object> schema, Map<String, Map<String, Object>> schemas) {
        Object ref = schema.get("$ref");
        if (ref instanceof String name && schemas != null) {
            return schemas.getOrDefault(name.substring(name.lastIndexOf('/') + 1), schema);
        }
        return schema;
    }

    /**
     * OpenAPI's security is a list of alternatives: the roles are the union of the keycloak scopes they name; an empty
     * alternative (or none at all) lets anyone in.
     */
    private static Set<String> roles(List<Map<String, List<String>>> security) {
        if (security == null || security.isEmpty() || security.stream().anyMatch(Map::isEmpty)) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        security.stream()
                .map(requirement -> requirement.getOrDefault(SCHEME, List.of()))
                .flatMap(Collection::stream)
                .forEach(roles::add);
        return roles;
    }
}
