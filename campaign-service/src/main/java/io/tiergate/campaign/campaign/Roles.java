package io.tiergate.campaign.campaign;

/** The Keycloak realm roles campaign-service's endpoints name. */
public final class Roles {

    public static final String OFFICER = "compliance-officer";
    public static final String AUDITOR = "auditor";
    public static final String GATEWAY = "gateway";

    private Roles() {}
}
