package io.tiergate.commons.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.tiergate.commons.limit.CallerLimited;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * States in every service's OpenAPI document what its error answers really are: RFC 9457 problem+json with the
 * {@link Problem} schema. Resources produce both JSON and problem+json, so the generator lists problem+json under
 * success answers too, and it leaves out the 400, 401 and 403 that {@link ProblemMappers} and the security layer
 * give. Clients generated from the document need both right.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            components.addSchema(SCHEMA, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                document(
                        operation,
                        path.getParameters() != null && !path.getParameters().isEmpty());
            }
        }
    }

    static void document(Operation operation, boolean pathHasParameters) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream()
                        .anyMatch(requirement -> requirement.getSchemes() != null
                                && !requirement.getSchemes().isEmpty());
        if (secured) {
            addIfAbsent(responses, "401", "No valid bearer token: missing, expired, or not issued by the realm");
            addIfAbsent(responses, "403", "The token's roles do not allow this operation");
        } else if (operation.getSecurity() == null) {
            // Anyone may call it: said explicitly, so that a reader (and a linter) sees it was meant.
            operation.setSecurity(new ArrayList<>());
        }
        boolean takesInput = pathHasParameters
                || operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            addIfAbsent(responses, "400", "Invalid input: the problem's code and errors name what was refused");
        }
        if (operation.getExtensions() != null
                && operation.getExtensions().containsKey(CallerLimited.OPENAPI_EXTENSION)
                && !responses.hasAPIResponse("429")) {
            responses.addAPIResponse(
                    "429",
                    OASFactory.createAPIResponse()
                            .description("RATE_LIMITED: too many calls of this kind by the caller in a minute")
                            .addHeader(
                                    "Retry-After",
                                    OASFactory.createHeader()
                                            .description("Seconds until the caller may call again")
                                            .schema(OASFactory.createSchema().type(List.of(SchemaType.INTEGER)))));
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (isError(entry.getKey())) {
                response.setContent(problemContent());
            } else if (response.getContent() != null && response.getContent().hasMediaType(Problem.MEDIA_TYPE)) {
                response.getContent().removeMediaType(Problem.MEDIA_TYPE);
            }
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema violation = object("A refused field and why")
                .addProperty("field", string("The field or parameter, as a path: applicant.nationality"))
                .addProperty("message", string("What is wrong with it"));
        return object("RFC 9457 problem details; code is stable, switch on it")
                .addProperty("type", string("A URN built from code: urn:tiergate:problem:validation-failed"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(SchemaType.INTEGER))
                                .format("int32"))
                .addProperty("detail", string("What went wrong in this request; never personal data"))
                .addProperty("code", string("The stable error code: VALIDATION_FAILED, NOT_FOUND, ..."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(SchemaType.ARRAY))
                                .items(violation))
                .required(List.of("type", "title", "status", "code"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT)).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).description(description);
    }
}
