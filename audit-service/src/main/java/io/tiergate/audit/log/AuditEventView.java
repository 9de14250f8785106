package io.tiergate.audit.log;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit record as an auditor reads it: the event, where it sits in the chain, and its hashes. */
public record AuditEventView(long seq, UUID eventId, String topic, String type, String source, String subject,
                             OffsetDateTime time, OffsetDateTime recordedAt, JsonNode event, String prevHash,
                             String hash) {
}
