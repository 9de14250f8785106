package io.tiergate.console.customer;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.Forms;
import io.tiergate.console.services.IdentityApi;
import io.tiergate.console.services.ServiceProblem;
import io.tiergate.console.services.TierApi;
import io.tiergate.console.web.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A customer's home and onboarding: claims, an optional document, contact and device; then the status. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
public class OnboardingPages {

    static final List<String> FIELDS = List.of(
            "givenName",
            "familyName",
            "dateOfBirth",
            "nationalities",
            "residenceCountry",
            "document",
            "email",
            "phone",
            "deviceId");
    /** A case is settled in these states; the status page stops refreshing. */
    static final Set<String> SETTLED = Set.of("VERIFIED", "REJECTED", "EXPIRED", "REVOKED");

    @Inject
    Viewer viewer;

    @RestClient
    IdentityApi identity;

    @RestClient
    TierApi tiers;

    @Inject
    Template customerHome;

    @Inject
    Template onboarding;

    @Inject
    Template verification;

    @GET
    public TemplateInstance home() {
        Map<String, Object> latest = latestOrNull();
        Map<String, Object> effective = latest != null && "VERIFIED".equals(latest.get("status"))
                ? tiers.effectiveTiers(viewer.subject())
                : null;
        return customerHome.data("verification", latest).data("effective", effective);
    }

    @GET
    @Path("/onboarding")
    public TemplateInstance form() {
        return onboarding.data("values", Map.of()).data("problem", null).data("fields", FIELDS);
    }

    @POST
    @Path("/onboarding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> form) {
        Map<String, Object> document = Forms.text(form, "documentNumber") == null
                ? null
                : Forms.object(
                        "type", Forms.text(form, "documentType"),
                        "number", Forms.text(form, "documentNumber"),
                        "issuingCountry", upper(Forms.text(form, "documentIssuingCountry")),
                        "expiryDate", Forms.text(form, "documentExpiryDate"),
                        "mrz", Forms.lines(form, "documentMrz"));
        Map<String, Object> claims = Forms.object(
                "givenName", Forms.text(form, "givenName"),
                "familyName", Forms.text(form, "familyName"),
                "dateOfBirth", Forms.text(form, "dateOfBirth"),
                "nationalities", Forms.codes(form, "nationalities"),
                "residenceCountry", upper(Forms.text(form, "residenceCountry")),
                "document", document,
                "email", Forms.text(form, "email"),
                "phone", Forms.text(form, "phone"),
                "deviceId", Forms.text(form, "deviceId"));
        try {
            Map<String, Object> submitted = identity.submitVerification(claims);
            return Response.seeOther(URI.create("/me/verifications/" + submitted.get("id")))
                    .build();
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            return Response.status(problem.status() == 429 ? 429 : 400)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(onboarding
                            .data("values", Forms.echo(form))
                            .data("problem", problem)
                            .data("fields", FIELDS)
                            .render())
                    .build();
        }
    }

    @GET
    @Path("/verifications/{id}")
    public TemplateInstance status(@PathParam("id") String id) {
        Map<String, Object> found = identity.verification(id);
        return verification.data("v", found).data("settled", SETTLED.contains(found.get("status")));
    }

    /** The status panel alone, which the page polls with htmx while the case is open. */
    @GET
    @Path("/verifications/{id}/status")
    public TemplateInstance statusPanel(@PathParam("id") String id) {
        Map<String, Object> found = identity.verification(id);
        return verification
                .getFragment("status")
                .data("v", found)
                .data("settled", SETTLED.contains(found.get("status")));
    }

    private Map<String, Object> latestOrNull() {
        try {
            return identity.latestVerification();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }
}
