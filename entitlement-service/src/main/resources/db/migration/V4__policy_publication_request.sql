-- Four eyes on policy: an officer's publication or rollback waits here until a second officer confirms it.
CREATE TABLE policy_publication_request (
    id            UUID        PRIMARY KEY,
    version       TEXT        NOT NULL REFERENCES policy_version (version),
    kind          TEXT        NOT NULL, -- PUBLISH or ROLLBACK
    against       TEXT        NOT NULL, -- the version in force when it was requested; confirmed only while it still is
    status        TEXT        NOT NULL, -- PENDING, CONFIRMED, SUPERSEDED (the policy in force changed first)
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ
);
CREATE INDEX policy_publication_request_pending ON policy_publication_request (requested_at) WHERE status = 'PENDING';

-- Who confirmed each publication; a platform-admin acting alone is break-glass, flagged for review.
ALTER TABLE policy_publication ADD COLUMN confirmed_by TEXT;
ALTER TABLE policy_publication ADD COLUMN break_glass BOOLEAN NOT NULL DEFAULT FALSE;
