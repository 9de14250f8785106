-- Verification as an explicit state machine with screening, review by officers, expiry and re-screening.
ALTER TABLE verification_case ADD COLUMN kind           TEXT NOT NULL DEFAULT 'ONBOARDING';
ALTER TABLE verification_case ADD COLUMN screening_hits JSONB NOT NULL DEFAULT '[]';
ALTER TABLE verification_case ADD COLUMN lists_version  TEXT;
ALTER TABLE verification_case ADD COLUMN expires_at     TIMESTAMPTZ;
ALTER TABLE verification_case ADD COLUMN claimed_by     TEXT;
ALTER TABLE verification_case ADD COLUMN claimed_at     TIMESTAMPTZ;
ALTER TABLE verification_case ADD COLUMN decided_by     TEXT;
CREATE INDEX verification_case_review_queue ON verification_case (submitted_at) WHERE status = 'IN_REVIEW';
CREATE INDEX verification_case_verified ON verification_case (expires_at) WHERE status = 'VERIFIED';

-- Every transition of a case: from, to, who, why, when. Never updated.
CREATE TABLE case_transition (
    id          BIGSERIAL   PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES verification_case (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_transition_case ON case_transition (case_id, id);
