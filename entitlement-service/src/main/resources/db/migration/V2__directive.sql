-- Emergency directives: restrictions that override tier entitlements, effective once confirmed by a second officer
-- (or at once when a platform admin breaks the glass, then queued for review).
CREATE TABLE directive (
    id                    UUID        PRIMARY KEY,
    capability            TEXT        NOT NULL, -- an exact capability, "model:*", or "*"
    allowed_nationalities JSONB       NOT NULL DEFAULT '[]',
    denied_jurisdictions  JSONB       NOT NULL DEFAULT '[]',
    deny_all              BOOLEAN     NOT NULL DEFAULT FALSE,
    reason                TEXT        NOT NULL,
    expires_at            TIMESTAMPTZ,
    status                TEXT        NOT NULL,
    break_glass           BOOLEAN     NOT NULL DEFAULT FALSE,
    issued_by             TEXT        NOT NULL,
    issued_at             TIMESTAMPTZ NOT NULL,
    confirmed_by          TEXT,
    confirmed_at          TIMESTAMPTZ
);
CREATE INDEX directive_active ON directive (status) WHERE status = 'ACTIVE';
