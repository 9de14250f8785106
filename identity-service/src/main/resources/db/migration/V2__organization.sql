-- KYB: organizations, the people behind them (names encrypted) and the subjects who act for them.
CREATE TABLE organization (
    id                       UUID        PRIMARY KEY,
    legal_name               TEXT        NOT NULL,
    registration_number      TEXT        NOT NULL,
    country_of_incorporation TEXT        NOT NULL,
    kind                     TEXT        NOT NULL,
    status                   TEXT        NOT NULL,
    reasons                  JSONB       NOT NULL,
    submitted_by             TEXT        NOT NULL,
    submitted_at             TIMESTAMPTZ NOT NULL,
    decided_at               TIMESTAMPTZ
);

-- Beneficial owners and legal representatives as declared at submission.
CREATE TABLE organization_party (
    id                UUID          PRIMARY KEY,
    organization_id   UUID          NOT NULL REFERENCES organization (id),
    kind              TEXT          NOT NULL, -- BENEFICIAL_OWNER or LEGAL_REPRESENTATIVE
    name              TEXT          NOT NULL, -- AES-256-GCM, base64 (pii/EncryptedString)
    nationality       TEXT          NOT NULL,
    ownership_percent NUMERIC(5, 2)           -- beneficial owners only
);
CREATE INDEX organization_party_organization ON organization_party (organization_id);

-- Membership history: leaving sets left_at and removed_by; rows are never deleted.
CREATE TABLE organization_member (
    id              UUID        PRIMARY KEY,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    subject         TEXT        NOT NULL,
    role            TEXT        NOT NULL,
    joined_at       TIMESTAMPTZ NOT NULL,
    added_by        TEXT        NOT NULL,
    left_at         TIMESTAMPTZ,
    removed_by      TEXT,
    CHECK ((left_at IS NULL) = (removed_by IS NULL))
);
CREATE UNIQUE INDEX organization_member_current ON organization_member (organization_id, subject) WHERE left_at IS NULL;
CREATE INDEX organization_member_subject ON organization_member (subject) WHERE left_at IS NULL;
