package io.tiergate.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An entry as an auditor reads it: where it sits in the log, the event, and its leaf hash (base64). */
public record AuditEventView(
        long index,
        UUID eventId,
        String topic,
        String type,
        String source,
        String subject,
        String actor,
        String capability,
        OffsetDateTime time,
        OffsetDateTime recordedAt,
        JsonNode event,
        String leafHash) {}
