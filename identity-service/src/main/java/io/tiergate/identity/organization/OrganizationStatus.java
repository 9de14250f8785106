package io.tiergate.identity.organization;

public enum OrganizationStatus {
    VERIFIED,
    IN_REVIEW,
    REJECTED
}
