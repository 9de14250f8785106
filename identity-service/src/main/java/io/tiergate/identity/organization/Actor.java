package io.tiergate.identity.organization;

/** Who is asking: the token's subject, and whether they act as a compliance officer. */
public record Actor(String subject, boolean complianceOfficer) {}
