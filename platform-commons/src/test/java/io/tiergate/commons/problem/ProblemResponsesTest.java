package io.tiergate.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private final ProblemResponses filter = new ProblemResponses();

    @Test
    void aSecuredOperationWithInputDocuments400And401And403AsProblems() {
        Operation operation = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", "gateway")))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", response("application/json")));
        OpenAPI openAPI = document("/v1/decisions", operation);

        filter.filterOpenAPI(openAPI);

        for (String status : List.of("400", "401", "403")) {
            APIResponse response = operation.getResponses().getAPIResponse(status);
            assertNotNull(response, status);
            assertEquals(
                    "#/components/schemas/Problem",
                    response.getContent()
                            .getMediaType(Problem.MEDIA_TYPE)
                            .getSchema()
                            .getRef(),
                    status);
            assertNotNull(response.getDescription(), status);
        }
        assertNotNull(openAPI.getComponents()
                .getSchemas()
                .get("Problem")
                .getProperties()
                .get("code"));
    }

    @Test
    void successAnswersLoseTheProblemMediaTypeAndErrorAnswersGetOnlyIt() {
        Operation operation = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", "auditor")))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("application/json", Problem.MEDIA_TYPE))
                        .addAPIResponse(
                                "404",
                                response("application/json", Problem.MEDIA_TYPE).description("no such entry")));

        filter.filterOpenAPI(document("/v1/entries", operation));

        Content ok = operation.getResponses().getAPIResponse("200").getContent();
        assertTrue(ok.hasMediaType("application/json"));
        assertFalse(ok.hasMediaType(Problem.MEDIA_TYPE));
        APIResponse notFound = operation.getResponses().getAPIResponse("404");
        assertEquals(
                List.of(Problem.MEDIA_TYPE),
                List.copyOf(notFound.getContent().getMediaTypes().keySet()));
        assertEquals("no such entry", notFound.getDescription(), "a written description is kept");
        assertNull(operation.getResponses().getAPIResponse("400"), "no input, so no 400 is claimed");
    }

    @Test
    void anOpenOperationSaysSoAndClaimsNoAuthenticationErrors() {
        Operation operation = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", response("application/json")));

        filter.filterOpenAPI(document("/v1/baseline/plain", operation));

        assertNotNull(operation.getSecurity());
        assertTrue(operation.getSecurity().isEmpty());
        assertNull(operation.getResponses().getAPIResponse("401"));
        assertNull(operation.getResponses().getAPIResponse("403"));
    }

    @Test
    void pathParametersCountAsInput() {
        Operation operation = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", "auditor")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", response("application/json")));
        OpenAPI openAPI = document("/v1/entries/{index}", operation);
        openAPI.getPaths()
                .getPathItem("/v1/entries/{index}")
                .addParameter(OASFactory.createParameter()
                        .name("index")
                        .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH));

        filter.filterOpenAPI(openAPI);

        assertNotNull(operation.getResponses().getAPIResponse("400"));
    }

    @Test
    void aLimitedOperationDocumentsIts429WithRetryAfter() {
        Operation limited = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", "auditor")))
                .addExtension(io.tiergate.commons.limit.CallerLimited.OPENAPI_EXTENSION, "exports")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", response("application/json")));
        Operation unlimited = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak", "auditor")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", response("application/json")));

        filter.filterOpenAPI(document("/v1/exports", limited));
        filter.filterOpenAPI(document("/v1/log-key", unlimited));

        APIResponse tooMany = limited.getResponses().getAPIResponse("429");
        assertNotNull(tooMany);
        assertNotNull(tooMany.getHeaders().get("Retry-After"));
        assertEquals(
                "#/components/schemas/Problem",
                tooMany.getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef());
        assertNull(unlimited.getResponses().getAPIResponse("429"));
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(path, OASFactory.createPathItem().POST(operation)));
    }

    private static APIResponse response(String... mediaTypes) {
        Content content = OASFactory.createContent();
        for (String mediaType : mediaTypes) {
            content.addMediaType(
                    mediaType,
                    OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("X")));
        }
        return OASFactory.createAPIResponse().description("OK").content(content);
    }
}
