-- What tier-service knows of identities, learned from identity events (never by a synchronous call).
CREATE TABLE verified_identity (
    subject          TEXT        PRIMARY KEY,
    status           TEXT        NOT NULL,
    case_id          UUID,
    identity_version BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE tier_grant (
    id                UUID        PRIMARY KEY,
    subject           TEXT        NOT NULL,
    tier              TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    justification     TEXT        NOT NULL,
    granted_by        TEXT        NOT NULL,
    granted_at        TIMESTAMPTZ NOT NULL,
    revoked_by        TEXT,
    revoked_at        TIMESTAMPTZ,
    revocation_reason TEXT
);
CREATE INDEX tier_grant_subject ON tier_grant (subject, granted_at DESC);
-- At most one active grant of a tier per subject.
CREATE UNIQUE INDEX tier_grant_one_active ON tier_grant (subject, tier) WHERE status = 'ACTIVE';
