package io.tiergate.campaign.campaign;

import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/flags")
@Tag(name = "flags", description = "Every flagged account with the event time of its first flag")
@APIResponse(
        responseCode = "401",
        description = "No valid token for campaign-service",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FlagResource {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final int PAGE = 10_000;

    @Inject
    EntityManager em;

    @GET
    @Produces("text/csv")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "listFlags",
            summary = "accountId,flaggedAt,score,campaignId: one line per flagged account, "
                    + "flaggedAt the event time of its first flag (compliance officer, auditor)")
    @APIResponse(responseCode = "200", description = "CSV with a header line")
    public StreamingOutput flags() {
        return out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("accountId,flaggedAt,score,campaignId\n");
            String after = "";
            List<Object[]> page;
            do { // keyset pages: a large flag table is streamed, never held whole
                page = page(after);
                for (Object[] row : page) {
                    w.write(csv((String) row[0]) + ","
                            + TS.format(instant(row[1]).atOffset(ZoneOffset.UTC))
                            + "," + String.format(java.util.Locale.ROOT, "%.3f", ((Number) row[2]).doubleValue())
                            + "," + row[3] + "\n");
                    after = (String) row[0];
                }
            } while (page.size() == PAGE);
            w.flush();
        };
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> page(String after) {
        return em.createNativeQuery("SELECT account_id, flagged_at, score, campaign_id FROM flag WHERE account_id > ?1 "
                        + "ORDER BY account_id LIMIT ?2")
                .setParameter(1, after)
                .setParameter(2, PAGE)
                .getResultList();
    }

    /** The driver hands a timestamptz back as an Instant or an OffsetDateTime, by version. */
    private static java.time.Instant instant(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : (java.time.Instant) value;
    }

    /** Account ids are Keycloak subjects; quoted if one ever holds a comma or a quote. */
    static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
