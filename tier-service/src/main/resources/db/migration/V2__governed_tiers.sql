-- Tiers governed by requirements, requests with approvals, organization grants and a full lifecycle.

-- What tier-service knows of a verified person (learned from identity events).
ALTER TABLE verified_identity ADD COLUMN nationalities     JSONB NOT NULL DEFAULT '[]';
ALTER TABLE verified_identity ADD COLUMN residence_country TEXT;
ALTER TABLE verified_identity ADD COLUMN verified_at       TIMESTAMPTZ;

-- Organizations and their members, as identity-service announced them.
CREATE TABLE known_organization (
    id                       UUID        PRIMARY KEY,
    kind                     TEXT        NOT NULL,
    status                   TEXT        NOT NULL,
    country_of_incorporation TEXT        NOT NULL,
    identity_version         BIGINT      NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);

CREATE TABLE organization_membership (
    organization_id  UUID        NOT NULL,
    subject          TEXT        NOT NULL,
    member           BOOLEAN     NOT NULL,
    identity_version BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, subject)
);
CREATE INDEX organization_membership_subject ON organization_membership (subject) WHERE member;

-- A grant is held by a person (holder_kind SUBJECT) or an organization (ORGANIZATION, subject = its id).
ALTER TABLE tier_grant ADD COLUMN holder_kind       TEXT NOT NULL DEFAULT 'SUBJECT';
ALTER TABLE tier_grant ADD COLUMN expires_at        TIMESTAMPTZ;
ALTER TABLE tier_grant ADD COLUMN suspension_cause  TEXT;
ALTER TABLE tier_grant ADD COLUMN request_id        UUID;
ALTER TABLE tier_grant ADD COLUMN intended_use      TEXT;
ALTER TABLE tier_grant ADD COLUMN requirements_version TEXT;
UPDATE tier_grant SET expires_at = granted_at + INTERVAL '365 days' WHERE expires_at IS NULL;
ALTER TABLE tier_grant ALTER COLUMN expires_at SET NOT NULL;

-- One live (active or suspended) grant of a tier per holder: a suspended grant is reinstated, not granted again.
DROP INDEX tier_grant_one_active;
CREATE UNIQUE INDEX tier_grant_one_live ON tier_grant (subject, tier) WHERE status IN ('ACTIVE', 'SUSPENDED');
CREATE INDEX tier_grant_live_expiry ON tier_grant (expires_at) WHERE status IN ('ACTIVE', 'SUSPENDED');

-- Every change of a grant: who, when, why.
CREATE TABLE grant_change (
    id        BIGSERIAL   PRIMARY KEY,
    grant_id  UUID        NOT NULL REFERENCES tier_grant (id),
    action    TEXT        NOT NULL,
    status    TEXT        NOT NULL,
    actor     TEXT        NOT NULL,
    reason    TEXT        NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX grant_change_grant ON grant_change (grant_id, id);

CREATE TABLE tier_request (
    id                 UUID        PRIMARY KEY,
    kind               TEXT        NOT NULL,
    holder             TEXT        NOT NULL,
    holder_kind        TEXT        NOT NULL,
    tier               TEXT        NOT NULL,
    justification      TEXT        NOT NULL,
    intended_use       TEXT,
    requested_expiry   TIMESTAMPTZ,
    renews_grant_id    UUID REFERENCES tier_grant (id),
    requested_by       TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    required_approvals INT         NOT NULL,
    status             TEXT        NOT NULL,
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    decision_reason    TEXT,
    grant_id           UUID REFERENCES tier_grant (id)
);
CREATE INDEX tier_request_queue ON tier_request (requested_at) WHERE status = 'PENDING';
CREATE INDEX tier_request_holder ON tier_request (holder, requested_at DESC);

CREATE TABLE tier_approval (
    request_id  UUID        NOT NULL REFERENCES tier_request (id),
    officer     TEXT        NOT NULL,
    approved_at TIMESTAMPTZ NOT NULL,
    comment     TEXT,
    -- Four-eyes: one officer counts once per request, whatever roles they hold.
    PRIMARY KEY (request_id, officer)
);

-- The effective tiers last announced per person, so an unchanged set is not announced again.
CREATE TABLE effective_tier (
    subject    TEXT        PRIMARY KEY,
    tiers      JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
