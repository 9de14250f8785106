-- The decision engine's own projection of identity and tier events; loaded into memory at start.
CREATE TABLE subject_projection (
    subject           TEXT        PRIMARY KEY,
    identity_status   TEXT,
    nationalities     JSONB       NOT NULL DEFAULT '[]',
    residence_country TEXT,
    verified_at       TIMESTAMPTZ,
    active_grants     JSONB       NOT NULL DEFAULT '{}',
    applied_versions  JSONB       NOT NULL DEFAULT '{}',
    updated_at        TIMESTAMPTZ NOT NULL
);
