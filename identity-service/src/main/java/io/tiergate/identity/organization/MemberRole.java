package io.tiergate.identity.organization;

/** What a subject may do for an organization: a representative also manages its members. */
public enum MemberRole {
    MEMBER,
    REPRESENTATIVE
}
