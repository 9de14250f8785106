-- The audit log: append-only entries under an RFC 6962 Merkle tree, with signed checkpoints.
CREATE TABLE audit_entry (
    leaf_index  BIGINT      PRIMARY KEY,           -- gap-free, from 0, in commit order
    event_id    UUID        NOT NULL UNIQUE,       -- a redelivered event is never appended twice
    topic       TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT,
    actor       TEXT,
    capability  TEXT,
    event_time  TIMESTAMPTZ,
    recorded_at TIMESTAMPTZ NOT NULL,
    entry       BYTEA       NOT NULL,              -- RFC 8785 canonical JSON {"event":…,"topic":…}
    leaf_hash   BYTEA       NOT NULL               -- SHA-256(0x00 || entry)
);
CREATE INDEX audit_entry_subject ON audit_entry (subject, leaf_index);
CREATE INDEX audit_entry_type ON audit_entry (type, leaf_index);
CREATE INDEX audit_entry_actor ON audit_entry (actor, leaf_index);
CREATE INDEX audit_entry_capability ON audit_entry (capability, leaf_index);
CREATE INDEX audit_entry_time ON audit_entry (event_time);

-- Perfect subtrees of the tree (level 0 = leaves), written once when complete.
CREATE TABLE merkle_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed tree heads (C2SP signed-note checkpoints).
CREATE TABLE checkpoint (
    tree_size  BIGINT      PRIMARY KEY,
    root_hash  BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    note       TEXT        NOT NULL
);

-- The database itself refuses change: no UPDATE, DELETE or TRUNCATE on the log.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER merkle_node_append_only BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER merkle_node_no_truncate BEFORE TRUNCATE ON merkle_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
