package io.tiergate.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.CampaignApi;
import io.tiergate.console.services.EntitlementApi;
import io.tiergate.console.services.IdentityApi;
import io.tiergate.console.services.ServiceProblem;
import io.tiergate.console.services.TierApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** An officer's home: how much waits in each queue. A service that does not answer shows as such, alone. */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
public class OfficerHome {

    @RestClient
    IdentityApi identity;

    @RestClient
    TierApi tiers;

    @RestClient
    EntitlementApi entitlements;

    @RestClient
    CampaignApi campaigns;

    @Inject
    Viewer viewer;

    @Inject
    Template officerHome;

    @GET
    public TemplateInstance home() {
        Map<String, String> counts = new LinkedHashMap<>();
        if (viewer.officer()) {
            counts.put(
                    "reviews",
                    count(() -> identity.reviewQueue(null, 1000).stream()
                            .filter(c -> !viewer.subject().equals(c.get("subject")))
                            .count()));
            counts.put("tierRequests", count(() ->
                    (long) tiers.requestQueue("PENDING", 1000).size()));
            counts.put(
                    "campaigns",
                    count(() -> campaigns.campaigns(null, 1000).stream()
                            .filter(c -> "OPEN".equals(c.get("status")) || "CONTAINED".equals(c.get("status")))
                            .count()));
        }
        counts.put(
                "directives",
                count(() -> entitlements.directives().stream()
                        .filter(d -> "PENDING".equals(d.get("status")))
                        .count()));
        return officerHome.data("counts", counts);
    }

    private static String count(Supplier<Long> query) {
        try {
            return String.valueOf(query.get());
        } catch (ServiceProblem | ProcessingException unavailable) {
            return "–";
        }
    }
}
