package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.event.EventIds;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.entitlement.directive.DirectiveService;
import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.policy.PolicyService;
import io.tiergate.entitlement.usage.UsageEvents;
import io.tiergate.entitlement.usage.UsageReport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What entitlement-service publishes, serialized as its ObjectMapper does (ISO dates and durations), against the
 * schemas in docs/events/entitlement/: the producer's side of the contract, without Kafka.
 */
class EntitlementEventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private static JsonNode valid(String type, Object data) {
        JsonNode json = JSON.valueToTree(data);
        EventSchemas.assertValidData(type, json);
        return json;
    }

    private static List<String> errors(String type, JsonNode data) {
        return EventSchemas.errors(EventSchemas.dataSchemaOf(type), data);
    }

    @Test
    void aDenialMatchesItsSchemaWithOrWithoutADeclaredJurisdiction() {
        List<Reason> reasons = List.of(
                new Reason(Reason.JURISDICTION_DENIED, "jurisdiction CN is denied"),
                new Reason(Reason.JURISDICTION_MISMATCH, "declared jurisdiction US differs from CN"));

        valid(
                DecisionEvents.DENIED,
                new DecisionEvents.DecisionMade(
                        EventIds.random(), "mythos-5:chat", "US", Decision.Verdict.DENY, reasons, "seed-2026-11-23.1"));
        valid(
                DecisionEvents.DENIED,
                new DecisionEvents.DecisionMade(
                        EventIds.random(),
                        "nope",
                        null,
                        Decision.Verdict.DENY,
                        List.of(new Reason(Reason.UNKNOWN_CAPABILITY, "not in the catalogue")),
                        "v2"));
    }

    @Test
    void theDenialSchemaRefusesAnAllowAReasonlessDenialAndUnknownFields() {
        ObjectNode denial = (ObjectNode) valid(
                DecisionEvents.DENIED,
                new DecisionEvents.DecisionMade(
                        EventIds.random(),
                        "fable-5:chat",
                        "DE",
                        Decision.Verdict.DENY,
                        List.of(new Reason(Reason.NO_ACTIVE_TIER, "none")),
                        "v1"));

        assertFalse(errors(DecisionEvents.DENIED, denial.deepCopy().put("decision", "ALLOW"))
                .isEmpty());
        assertFalse(errors(DecisionEvents.DENIED, denial.deepCopy().set("reasons", JSON.createArrayNode()))
                .isEmpty());
        assertFalse(
                errors(DecisionEvents.DENIED, denial.deepCopy().put("nationality", "DE"))
                        .isEmpty(),
                "no personal data beyond the contract");
        assertFalse(errors(DecisionEvents.DENIED, denial.deepCopy().put("jurisdiction", "usa"))
                .isEmpty());
    }

    @Test
    void theAggregatesTheWriterPublishesMatchTheirSchema() {
        AllowedAggregates aggregates = new AllowedAggregates(Duration.ofMinutes(1));
        long start = NOW.toInstant().toEpochMilli();
        aggregates.count("alice", "fable-5:chat", "v1", start);
        aggregates.count("alice", "fable-5:chat", "v1", start + 1);

        List<DecisionEvents.Pending> closed =
                aggregates.takeClosed(start + Duration.ofMinutes(2).toMillis(), false);

        assertEquals(1, closed.size());
        JsonNode data = valid(closed.get(0).type(), closed.get(0).data());
        assertEquals(2, data.path("count").asInt());
        assertFalse(errors(DecisionEvents.ALLOWED_AGGREGATE, ((ObjectNode) data.deepCopy()).put("count", 0))
                .isEmpty());
    }

    @Test
    void usageDeltasAndReportsMatchTheirSchemas() {
        valid(
                UsageEvents.RECORDED,
                new UsageEvents.UsageRecorded(
                        "entitlement-1",
                        Budget.Scope.ORGANIZATION,
                        UUID.randomUUID().toString(),
                        "mythos-5:chat",
                        60_000,
                        3,
                        1_200,
                        NOW));
        JsonNode report =
                valid(UsageEvents.REPORTED, new UsageReport(EventIds.random(), "alice", "fable-5:chat", 512L));

        assertFalse(errors(UsageEvents.REPORTED, ((ObjectNode) report.deepCopy()).put("tokens", -1))
                .isEmpty());
        assertFalse(errors(UsageEvents.RECORDED, JSON.createObjectNode().put("instance", "x"))
                .isEmpty());
    }

    @Test
    void directiveAndPolicyEventsMatchTheirSchemas() {
        for (String type : List.of(DirectiveService.ISSUED, DirectiveService.CONFIRMED, DirectiveService.REVOKED)) {
            valid(
                    type,
                    new DirectiveService.DirectiveChanged(
                            UUID.randomUUID(), "mythos-5:*", "ACTIVE", true, "paula", "export-control emergency"));
        }
        valid(PolicyService.DRAFTED, new PolicyService.PolicyDrafted("2026-12-01.1", false, "olivia"));
        valid(
                PolicyService.PUBLISHED,
                new PolicyService.PolicyPublished(
                        "2026-12-01.1", "PUBLISH", "seed-2026-11-23.1", "olivia", "oscar", false));
        valid(
                PolicyService.PUBLISHED,
                new PolicyService.PolicyPublished(
                        "seed-2026-11-23.1", "ROLLBACK", "2026-12-01.1", "paula", null, true));
        valid(
                PolicyService.PUBLICATION_REQUESTED,
                new PolicyService.PublicationRequested(
                        UUID.randomUUID().toString(), "2026-12-01.1", "PUBLISH", "seed-2026-11-23.1", "olivia"));
        assertFalse(
                errors(
                                PolicyService.PUBLICATION_REQUESTED,
                                JSON.valueToTree(new PolicyService.PublicationRequested(
                                        "not-a-uuid", "2026-12-01.1", "PUBLISH", "seed-2026-11-23.1", "olivia")))
                        .isEmpty(),
                "request ids are UUIDs");

        JsonNode directive = JSON.valueToTree(
                new DirectiveService.DirectiveChanged(UUID.randomUUID(), "*", "PAUSED", false, "paula", "why"));
        assertFalse(errors(DirectiveService.ISSUED, directive).isEmpty(), "PAUSED is no directive status");
    }

    @Test
    void theEnvelopeOfARecordWithoutPerSubjectVersionIsValid() throws Exception {
        var data = new UsageEvents.UsageRecorded(
                "entitlement-1", Budget.Scope.SUBJECT, "alice", "fable-5:chat", 60_000, 1, 0, NOW);
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                EventIds.random(),
                "entitlement-service",
                UsageEvents.RECORDED,
                "alice",
                NOW,
                CloudEvent.JSON,
                null,
                JSON.valueToTree(data));

        JsonNode parsed = EventSchemas.assertValid(JSON.writeValueAsString(event));

        assertFalse(parsed.has("tiergateversion"));
    }
}
