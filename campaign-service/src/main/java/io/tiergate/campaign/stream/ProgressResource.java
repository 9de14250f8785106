package io.tiergate.campaign.stream;

import io.tiergate.campaign.campaign.Roles;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/detection/progress")
@Tag(name = "detection", description = "How far the detector has read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProgressResource {

    /** Records read since this instance started, refused ones among them, and the latest event time read. */
    public record Progress(long recordsSeen, long recordsRejected, Instant streamTime) {}

    @Inject
    DetectionProgress progress;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "getDetectionProgress",
            summary = "Records seen and rejected by this instance, and its "
                    + "stream time (compliance officer, auditor)")
    @APIResponse(responseCode = "200", description = "The progress")
    @APIResponse(
            responseCode = "401",
            description = "No valid token for campaign-service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller's role may not do this",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Progress progress() {
        long t = progress.streamTime();
        return new Progress(
                progress.recordsSeen(), progress.recordsRejected(), t == 0 ? null : Instant.ofEpochMilli(t));
    }
}
