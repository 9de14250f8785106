-- The id of the key-encryption key each subject key is wrapped under (it is in the associated data too), so that the
-- KEK can rotate: SubjectKeyRotation rewraps the keys under a retired KEK, and those from before key ids (null here,
-- wrapped with the subject alone as associated data), under the active one.
ALTER TABLE subject_key ADD COLUMN kek_id TEXT;
-- Rewrapping changes a key's wrapping in place; the subject, and so which data a key opens, stays fixed.
GRANT UPDATE (kek_id, wrapped_key) ON subject_key TO ${writerRole};
