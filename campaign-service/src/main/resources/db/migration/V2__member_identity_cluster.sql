-- identity-service's duplicate-identity cluster of a member (tiergate.identity.cluster.linked), as evidence
ALTER TABLE campaign_member ADD COLUMN identity_cluster TEXT;
