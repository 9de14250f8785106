package io.tiergate.campaign.record;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.campaign.campaign.Roles;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/request-records")
@Tag(name = "request records", description = "Gateways' request records, for detection in aggregate")
public class RequestRecordResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final int MAX_LINES = 10_000;
    private static final int REPORTED = 100;

    /** What was taken: accepted lines, refused lines (dead-lettered), and the first refusals by line number. */
    public record Receipt(int accepted, int rejected, List<LineRejection> rejections) {}

    public record LineRejection(int line, String code, String field, String detail) {}

    @Inject
    RequestRecordPublisher publisher;

    @POST
    @Blocking
    @Consumes(NDJSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.GATEWAY)
    @Operation(
            operationId = "publishRequestRecords",
            summary =
                    "Publish up to 10,000 request records (JSON Lines) "
                            + "to tiergate.requests; malformed lines go to tiergate.requests.rejected with their reason (gateway)")
    @APIResponse(responseCode = "202", description = "Every line is with the broker: accepted or dead-lettered")
    @APIResponse(
            responseCode = "400",
            description = "An empty body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No valid token for campaign-service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Only gateways publish request records",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "More than 10,000 lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The broker did not take the records; send them again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("EMPTY_BODY", "send one request record per line");
        }
        String[] lines = body.split("\r?\n");
        int count = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                count++;
            }
        }
        if (count > MAX_LINES) {
            throw new ApiProblem(
                    413,
                    "TOO_MANY_RECORDS",
                    "Content too large",
                    "at most " + MAX_LINES + " records per request; this one has " + count);
        }
        List<RequestRecordPublisher.Outgoing> out = new ArrayList<>(count);
        List<LineRejection> rejections = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            RequestRecordParser.Result parsed = RequestRecordParser.parse(lines[i]);
            // a malformed line goes to the topic too: the topology dead-letters and counts it, as for a gateway's
            out.add(new RequestRecordPublisher.Outgoing(
                    parsed.valid() ? parsed.record().accountId() : null, forTopic(lines[i])));
            if (!parsed.valid()) {
                rejected++;
                Rejection r = parsed.rejection();
                if (rejections.size() < REPORTED) {
                    rejections.add(new LineRejection(i + 1, r.code(), r.field(), r.detail()));
                }
            }
        }
        if (!publisher.publish(out)) {
            throw new ApiProblem(
                    503,
                    "BROKER_UNAVAILABLE",
                    "Service unavailable",
                    "the records could not be handed to Kafka; send them again (they are idempotent by requestId)");
        }
        return Response.accepted(new Receipt(count - rejected, rejected, rejections))
                .build();
    }

    /**
     * A line over the parser's bound goes to the topic cut to one character over it: the topology rejects it for the
     * same reason ({@code TOO_LARGE}) and keeps as much of it, and the broker takes it (a whole 1 MB line is over
     * Kafka's default record size, and the 202 would have become a 503).
     */
    static String forTopic(String line) {
        return line.length() > RequestRecordParser.MAX_LINE_CHARS
                ? line.substring(0, RequestRecordParser.MAX_LINE_CHARS + 1)
                : line;
    }
}
