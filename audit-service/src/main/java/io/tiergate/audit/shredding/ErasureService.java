package io.tiergate.audit.shredding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.audit.log.AuditLog;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Destroys a subject's key and records the erasure in the log itself, in one transaction. */
@ApplicationScoped
public class ErasureService {

    public static final String ERASED = "tiergate.audit.subject.erased";

    @Inject
    SubjectKeyStore keys;

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper objectMapper;

    public record Erasure(String subject, UUID eventId, OffsetDateTime erasedAt) {}

    @Transactional
    public Erasure erase(ErasureRequest request, String requestedBy) {
        if (keys.isErased(request.subject())) {
            throw ApiProblem.conflict("SUBJECT_ALREADY_ERASED", "subject " + request.subject() + " was erased before");
        }
        keys.destroy(request.subject(), requestedBy);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID(),
                "audit-service",
                ERASED,
                request.subject(),
                now,
                CloudEvent.JSON,
                null,
                objectMapper.valueToTree(Map.of("reason", request.reason(), "actor", requestedBy)));
        try {
            log.append("tiergate.audit", objectMapper.writeValueAsString(event), event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Erasure(request.subject(), event.id(), now);
    }
}
