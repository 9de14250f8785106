package io.tiergate.identity.organization;

public enum OrganizationStatus {
    VERIFIED, REJECTED
}
