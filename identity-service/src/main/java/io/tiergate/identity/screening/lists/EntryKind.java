package io.tiergate.identity.screening.lists;

/** What a list entry designates. Lists that do not say (or say something else) give {@link #OTHER}. */
public enum EntryKind {
    PERSON,
    ORGANIZATION,
    VESSEL,
    AIRCRAFT,
    OTHER
}
