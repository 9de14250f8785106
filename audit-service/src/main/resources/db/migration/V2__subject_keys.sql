-- Per-subject data keys for crypto-shredding, kept apart from the log (and wrapped by a key-encryption
-- key from configuration). Deleting a row is an erasure: the subject's entries become unreadable while
-- every hash, and so every proof, still holds. Unlike the log, this table allows DELETE on purpose.
CREATE TABLE subject_key (
    subject     TEXT        PRIMARY KEY,
    wrapped_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE subject_erasure (
    subject      TEXT        PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL,
    requested_by TEXT        NOT NULL
);
