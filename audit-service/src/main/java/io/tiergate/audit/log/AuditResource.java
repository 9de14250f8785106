package io.tiergate.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1/events")
@Tag(name = "events", description = "The audit trail")
@SecurityRequirement(name = "keycloak")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AuditResource {

    static final String AUDITOR = "auditor";

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper objectMapper;

    @GET
    @RolesAllowed(AUDITOR)
    @Operation(summary = "List a subject's events in trail order (auditor); page with afterSeq")
    public List<AuditEventView> ofSubject(@QueryParam("subject") @NotBlank String subject,
                                          @QueryParam("afterSeq") @DefaultValue("0") @Min(0) long afterSeq,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return log.ofSubject(subject, afterSeq, limit).stream().map(this::view).toList();
    }

    private AuditEventView view(AuditRecord record) {
        return new AuditEventView(record.seq, record.eventId, record.topic, record.type, record.source, record.subject,
                record.eventTime, record.recordedAt, parse(record.payload), record.prevHash, record.hash);
    }

    private JsonNode parse(String payload) {
        try {
            return objectMapper.readTree(payload);
        } catch (JsonProcessingException e) {
            return objectMapper.getNodeFactory().textNode(payload);
        }
    }
}
