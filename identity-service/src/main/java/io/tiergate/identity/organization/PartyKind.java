package io.tiergate.identity.organization;

/** The people declared behind an organization at submission (not the subjects who act for it). */
public enum PartyKind {
    BENEFICIAL_OWNER,
    LEGAL_REPRESENTATIVE
}
