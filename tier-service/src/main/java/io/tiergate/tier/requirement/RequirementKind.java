package io.tiergate.tier.requirement;

/** What a tier can require; the data in tier-requirements.json combines these. */
public enum RequirementKind {
    /** The person holds a verified identity. */
    IDENTITY_VERIFIED,
    /** The holder is (a member of) a verified organization of one of the listed kinds. */
    ORGANIZATION_MEMBER,
    /** The request states what the tier will be used for. */
    INTENDED_USE_STATED,
    /** The person is a national of the qualifying organization's country. */
    NATIONALITY_OF_ORGANIZATION_COUNTRY,
    /** The person resides in the qualifying organization's country. */
    RESIDENCE_IN_ORGANIZATION_COUNTRY
}
