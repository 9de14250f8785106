package io.tiergate.identity.organization;

public enum OrganizationKind {
    COMPANY,
    RESEARCH_INSTITUTION,
    GOVERNMENT_AGENCY
}
