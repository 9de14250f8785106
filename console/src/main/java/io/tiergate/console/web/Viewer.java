package io.tiergate.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in, for the layout and the home page: name, subject and realm roles from Keycloak. */
@Named("viewer")
@RequestScoped
public class Viewer {

    public static final String CUSTOMER = "customer";
    public static final String OFFICER = "compliance-officer";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "platform-admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken idToken;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (identity.isAnonymous()) {
            return "";
        }
        String preferred = idToken.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /** The Keycloak subject: every service's key for this person. */
    public String subject() {
        return idToken.getSubject();
    }

    public boolean customer() {
        return identity.hasRole(CUSTOMER);
    }

    public boolean officer() {
        return identity.hasRole(OFFICER);
    }

    public boolean auditor() {
        return identity.hasRole(AUDITOR);
    }

    public boolean admin() {
        return identity.hasRole(ADMIN);
    }

    /** Where each role starts: officers and admins at their queues, auditors at the trail, customers at home. */
    public String home() {
        if (officer() || admin()) {
            return "/officer";
        }
        if (auditor()) {
            return "/audit";
        }
        return "/me";
    }
}
