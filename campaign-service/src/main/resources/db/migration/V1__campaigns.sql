-- Campaigns assembled from the detector's flags, their members and families, each account's first flag, and the
-- evidence an officer dismissed (which no longer counts against those accounts).
CREATE TABLE campaign (
    id                UUID PRIMARY KEY,
    status            TEXT             NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    evidence          TEXT             NOT NULL,
    first_seen        TIMESTAMPTZ      NOT NULL,
    last_seen         TIMESTAMPTZ      NOT NULL,
    detected_at       TIMESTAMPTZ      NOT NULL,
    containment_level TEXT,
    decided_by        TEXT,
    decided_at        TIMESTAMPTZ,
    decision_reason   TEXT,
    merged_into       UUID
);
CREATE INDEX campaign_status ON campaign (status);

CREATE TABLE campaign_family (
    family      TEXT PRIMARY KEY,
    campaign_id UUID NOT NULL REFERENCES campaign (id)
);
CREATE INDEX campaign_family_campaign ON campaign_family (campaign_id);

CREATE TABLE campaign_member (
    campaign_id     UUID             NOT NULL REFERENCES campaign (id),
    account_id      TEXT             NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    flagged_at      TIMESTAMPTZ      NOT NULL,
    first_seen      TIMESTAMPTZ      NOT NULL,
    last_seen       TIMESTAMPTZ      NOT NULL,
    linked_by       TEXT             NOT NULL,
    ip_prefix       TEXT,
    asn             TEXT,
    user_agent      TEXT,
    org_id          TEXT,
    contained_level TEXT,
    PRIMARY KEY (campaign_id, account_id)
);
CREATE INDEX campaign_member_account ON campaign_member (account_id);

CREATE TABLE flag (
    account_id  TEXT PRIMARY KEY,
    flagged_at  TIMESTAMPTZ      NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    campaign_id UUID             NOT NULL
);
CREATE INDEX flag_time ON flag (flagged_at);

CREATE TABLE dismissal (
    account_id   TEXT        NOT NULL,
    family       TEXT        NOT NULL,
    campaign_id  UUID        NOT NULL,
    dismissed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, family)
);
