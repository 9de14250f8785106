-- The service runs as ${writerRole}: it may read the log and add to it, never change it; only the owner
-- (who runs these migrations) could, and the triggers refuse even the owner.
GRANT USAGE ON SCHEMA public TO ${writerRole};
GRANT SELECT, INSERT ON audit_entry, merkle_node, checkpoint TO ${writerRole};
GRANT SELECT, INSERT ON subject_erasure, processed_event TO ${writerRole};
-- Crypto-shredding deletes keys: the key table is the one place deletion is the point.
GRANT SELECT, INSERT, DELETE ON subject_key TO ${writerRole};
-- Plumbing shared with every service (the outbox relay claims rows FOR UPDATE).
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_event TO ${writerRole};
GRANT SELECT, INSERT, UPDATE ON subject_version TO ${writerRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${writerRole};
