package io.tiergate.console.audit;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.config.ConsoleConfig;
import io.tiergate.console.services.AuditApi;
import io.tiergate.console.web.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The auditor's trail: search by subject, type, actor, capability and time, paged by the log's cursor; an
 * entry with its leaf hash, verified in the browser (verify.js) against the log key the auditor pinned.
 */
@Path("/audit")
@RolesAllowed({Viewer.AUDITOR, Viewer.ADMIN})
public class TrailPages {

    static final int PAGE = 50;
    static final List<String> FILTERS = List.of("subject", "type", "actor", "capability", "since", "until");

    @RestClient
    AuditApi audit;

    @Inject
    Template trail;

    @Inject
    Template auditEntry;

    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(
            @QueryParam("subject") String subject,
            @QueryParam("type") String type,
            @QueryParam("actor") String actor,
            @QueryParam("capability") String capability,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("subject", blankToNull(subject));
        filters.put("type", blankToNull(type));
        filters.put("actor", blankToNull(actor));
        filters.put("capability", blankToNull(capability));
        filters.put("since", blankToNull(since));
        filters.put("until", blankToNull(until));
        try (Response page = audit.events(
                filters.get("subject"),
                filters.get("type"),
                filters.get("actor"),
                filters.get("capability"),
                filters.get("since"),
                filters.get("until"),
                blankToNull(cursor),
                PAGE)) {
            List<Map<String, Object>> entries = page.readEntity(new GenericType<>() {});
            return trail.data("entries", entries)
                    .data("filters", filters)
                    .data("next", page.getHeaderString("Tiergate-Next-Cursor"));
        }
    }

    @GET
    @Path("/entries/{index}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance entry(@PathParam("index") long index) {
        Map<String, Object> entry = audit.entry(index);
        return auditEntry
                .data("e", entry)
                .data("origin", config.auditLogOrigin())
                .data("decoded", Entries.decode((String) entry.get("entry")));
    }

    // The browser fetches these itself and trusts none of them: it checks them against the pinned key.

    @GET
    @Path("/api/checkpoint")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> checkpoint() {
        return audit.latestCheckpoint();
    }

    @GET
    @Path("/api/proof")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> proof(@QueryParam("index") long index, @QueryParam("treeSize") long treeSize) {
        return audit.inclusionProof(index, treeSize);
    }

    @GET
    @Path("/api/entries/{index}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> entryBytes(@PathParam("index") long index) {
        return audit.entry(index);
    }

    @GET
    @Path("/api/log-key")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> logKey() {
        return audit.logKey();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
