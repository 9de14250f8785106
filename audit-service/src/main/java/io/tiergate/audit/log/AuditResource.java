package io.tiergate.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.tiergate.audit.shredding.PersonalDataCipher;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/events")
@Tag(name = "events", description = "The audit log, queried")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({"auditor", "platform-admin"})
public class AuditResource {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    PersonalDataCipher cipher;

    /** Response header carrying the cursor of the next page, present when the page is full. */
    public static final String NEXT_CURSOR = "Tiergate-Next-Cursor";

    @GET
    @Operation(
            operationId = "queryAuditEvents",
            summary =
                    "Query the log by subject, type, actor, capability and time range, in log order "
                            + "(auditor, platform-admin). A full page carries the header Tiergate-Next-Cursor: pass it back as cursor.")
    public RestResponse<List<AuditEventView>> query(
            @QueryParam("subject") String subject,
            @QueryParam("type") String type,
            @QueryParam("actor") String actor,
            @QueryParam("capability") String capability,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        AuditQuery query = new AuditQuery(
                subject,
                type,
                actor,
                capability,
                time("since", since),
                time("until", until),
                cursor == null ? -1 : AuditCursor.parse(cursor),
                limit);
        List<AuditEntry> entries = find(query);
        RestResponse.ResponseBuilder<List<AuditEventView>> response =
                RestResponse.ResponseBuilder.ok(entries.stream().map(this::view).toList());
        if (entries.size() == limit) {
            response.header(NEXT_CURSOR, AuditCursor.after(entries.get(entries.size() - 1).leafIndex));
        }
        return response.build();
    }

    List<AuditEntry> find(AuditQuery query) {
        List<String> where = new ArrayList<>(List.of("leafIndex > :after"));
        Parameters parameters = Parameters.with("after", query.afterIndex());
        Map<String, Object> equal = new LinkedHashMap<>();
        equal.put("subject", query.subject());
        equal.put("type", query.type());
        equal.put("actor", query.actor());
        equal.put("capability", query.capability());
        equal.forEach((field, value) -> {
            if (value != null) {
                where.add(field + " = :" + field);
                parameters.and(field, value);
            }
        });
        if (query.since() != null) {
            where.add("eventTime >= :since");
            parameters.and("since", query.since());
        }
        if (query.until() != null) {
            where.add("eventTime < :until");
            parameters.and("until", query.until());
        }
        return AuditEntry.<AuditEntry>find(String.join(" and ", where) + " order by leafIndex", parameters)
                .page(0, query.limit())
                .list();
    }

    private static OffsetDateTime time(String name, String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", name + " must be an RFC 3339 time");
        }
    }

    AuditEventView view(AuditEntry entry) {
        return new AuditEventView(
                entry.leafIndex,
                entry.eventId,
                entry.topic,
                entry.type,
                entry.source,
                entry.subject,
                entry.actor,
                entry.capability,
                entry.eventTime,
                entry.recordedAt,
                event(entry),
                Base64.getEncoder().encodeToString(entry.leafHash));
    }

    private JsonNode event(AuditEntry entry) {
        try {
            return cipher.open(objectMapper.readTree(entry.entry).get("event"));
        } catch (IOException e) {
            return null;
        }
    }
}
