-- Versioned policy: drafts as authored, and the log of publications. The policy in force is the newest publication.
CREATE TABLE policy_version (
    version      TEXT        PRIMARY KEY,
    description  TEXT,
    document     JSONB       NOT NULL,
    status       TEXT        NOT NULL, -- DRAFT, PUBLISHED (in force), SUPERSEDED (was in force)
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE policy_publication (
    id               BIGSERIAL   PRIMARY KEY,
    version          TEXT        NOT NULL REFERENCES policy_version (version),
    kind             TEXT        NOT NULL, -- PUBLISH or ROLLBACK (a version that was in force before)
    previous_version TEXT,
    published_by     TEXT        NOT NULL,
    published_at     TIMESTAMPTZ NOT NULL
);

-- The organization through which each active grant is held (for per-organization budgets).
ALTER TABLE subject_projection ADD COLUMN grant_organizations JSONB NOT NULL DEFAULT '{}';
