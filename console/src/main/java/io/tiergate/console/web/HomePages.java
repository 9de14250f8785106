package io.tiergate.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The entry point: each role lands on its own home page; the page after Keycloak's logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    Viewer viewer;

    @Inject
    Template signedOut;

    @GET
    public Response home() {
        return Response.seeOther(URI.create(viewer.home())).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
