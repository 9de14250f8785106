-- Document evidence (a keyed hash and the last 4 characters only) and duplicate-identity (Sybil) linking.
ALTER TABLE verification_case ADD COLUMN document_type  TEXT;
ALTER TABLE verification_case ADD COLUMN document_hash  TEXT;
ALTER TABLE verification_case ADD COLUMN document_last4 TEXT;
ALTER TABLE verification_case ADD COLUMN cluster_id     UUID;
ALTER TABLE verification_case ADD COLUMN linked_subjects JSONB NOT NULL DEFAULT '[]';

-- Fingerprints are HMAC-SHA256 values: equal inputs link, the table reveals no email, phone or number.
CREATE TABLE identity_fingerprint (
    id         BIGSERIAL   PRIMARY KEY,
    kind       TEXT        NOT NULL,
    value_hash TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    case_id    UUID        NOT NULL REFERENCES verification_case (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_fingerprint_value ON identity_fingerprint (kind, value_hash);

CREATE TABLE cluster_member (
    subject    TEXT        PRIMARY KEY,
    cluster_id UUID        NOT NULL,
    linked_by  TEXT        NOT NULL,
    joined_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX cluster_member_cluster ON cluster_member (cluster_id);
