-- Organizations, their owners and representatives are screened; a hit sends the registration to an officer.
ALTER TABLE organization ADD COLUMN screening_hits JSONB NOT NULL DEFAULT '[]';
ALTER TABLE organization ADD COLUMN decided_by     TEXT;
