-- The audit trail: append-only, hash-chained. hash = SHA-256(prev_hash || '\n' || payload), hex.
CREATE TABLE audit_record (
    seq         BIGINT      PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT,
    event_time  TIMESTAMPTZ,
    payload     TEXT        NOT NULL,
    prev_hash   CHAR(64)    NOT NULL,
    hash        CHAR(64)    NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_record_subject ON audit_record (subject, seq);

-- Append-only in the database itself, not only in code: updates and deletes are refused.
CREATE FUNCTION audit_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_append_only
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
