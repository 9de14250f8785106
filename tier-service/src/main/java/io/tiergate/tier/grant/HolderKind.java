package io.tiergate.tier.grant;

/** Who holds a grant: a person (a Keycloak subject) or an organization whose members inherit it. */
public enum HolderKind {
    SUBJECT,
    ORGANIZATION
}
