CREATE TABLE verification_case (
    id                UUID        PRIMARY KEY,
    subject           TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    given_name        TEXT        NOT NULL, -- AES-256-GCM, base64 (pii/EncryptedString)
    family_name       TEXT        NOT NULL,
    date_of_birth     TEXT        NOT NULL, -- encrypted, like the names
    nationalities     JSONB       NOT NULL,
    residence_country TEXT        NOT NULL,
    reasons           JSONB       NOT NULL,
    submitted_at      TIMESTAMPTZ NOT NULL,
    decided_at        TIMESTAMPTZ
);
CREATE INDEX verification_case_subject ON verification_case (subject, submitted_at DESC);
