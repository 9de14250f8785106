package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.usage.BudgetStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of a decision is byte for byte what Jackson writes, or left to Jackson. */
class DecisionJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private static final Reason ENTITLED = new Reason(Reason.ENTITLED, "tier RESEARCH entitles mythos-5:chat");

    /** As RESTEasy Reactive's Jackson provider wrote it: to a byte stream (UTF-8; astral characters escaped). */
    private static String jackson(Decision decision) throws Exception {
        return new String(JACKSON.writeValueAsBytes(decision), StandardCharsets.UTF_8);
    }

    private static String byHand(Decision decision) {
        DecisionJson.Buffer buffer = DecisionJson.buffer();
        assertTrue(DecisionJson.encode(decision, buffer), decision.toString());
        return new String(buffer.bytes, 0, buffer.size, StandardCharsets.UTF_8);
    }

    private static List<Decision> plainDecisions() {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(Decision.allow(List.of(ENTITLED), List.of("structured-output-only"), null, "v1", "p:s:1"));
        decisions.add(Decision.allow(List.of(ENTITLED), List.of(), null, "seed-2026-11-23.1", null));
        decisions.add(Decision.allow(
                List.of(ENTITLED, new Reason(Reason.JURISDICTION_MISMATCH, "declared US differs from DE")),
                List.of("a", "b/c", "d e"),
                null,
                "v1",
                "identity-service:x:1,tier-service:x:2"));
        decisions.add(Decision.deny(
                List.of(
                        new Reason(Reason.NATIONALITY_DENIED, "a nationality of the subject is denied"),
                        new Reason(Reason.JURISDICTION_DENIED, "jurisdiction CN is denied"),
                        new Reason(Reason.TIER_NOT_ENTITLED, "tiers [PUBLIC, <x>] & {y} 'z' ~!@#$%^*()_+=`|;")),
                "v1",
                null));
        decisions.add(Decision.deny(List.of(), null, null));
        decisions.add(Decision.deny(List.of(ENTITLED), "v1", "p").withObligations(List.of("step-up")));
        decisions.add(new Decision(Decision.Verdict.ALLOW, null, null, null, null, null, null));
        for (int i = 0; i < 200; i++) {
            decisions.add(Decision.deny(List.of(ENTITLED), "v" + i, null)); // random ids: every hex digit
        }
        decisions.add(new Decision(Decision.Verdict.DENY, List.of(ENTITLED), null, null, "v", null, new UUID(0L, 0L)));
        decisions.add(
                new Decision(Decision.Verdict.DENY, List.of(ENTITLED), null, null, "v", null, new UUID(-1L, -1L)));
        return decisions;
    }

    @Test
    void plainDecisionsAreWrittenAsJacksonWritesThem() throws Exception {
        for (Decision decision : plainDecisions()) {
            assertEquals(jackson(decision), byHand(decision));
        }
    }

    @Test
    void whatOnlyJacksonShouldWriteIsLeftToIt() throws Exception {
        List<BudgetStatus> budgets =
                List.of(new BudgetStatus(Budget.Scope.SUBJECT, Duration.ofMinutes(1), 10L, 9L, null, null));
        List<Decision> others = List.of(
                Decision.allow(List.of(ENTITLED), null, budgets, "v1", null),
                Decision.deny(List.of(new Reason("X", "quote \" inside")), "v1", null),
                Decision.deny(List.of(new Reason("X", "back\\slash")), "v1", null),
                Decision.deny(List.of(new Reason("X", "line\nbreak")), "v1", null),
                Decision.deny(List.of(new Reason("X", "caf\u00e9")), "v1", null),
                Decision.deny(List.of(new Reason("X", "\ud83d\ude00")), "v1", null),
                Decision.deny(List.of(new Reason("X", "del\u007f")), "v1", null),
                Decision.deny(Arrays.asList(new Reason("X", null)), "v1", null),
                Decision.deny(List.of(ENTITLED), "v\u00e9", null),
                Decision.deny(List.of(ENTITLED), "v", "t\u0000"),
                Decision.allow(List.of(ENTITLED), Arrays.asList("ok", "n\u00f6"), null, "v", null));
        DecisionJsonWriter writer = new DecisionJsonWriter();
        writer.json = JACKSON;
        for (Decision decision : others) {
            assertFalse(DecisionJson.encode(decision, DecisionJson.buffer()), decision.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeTo(decision, Decision.class, Decision.class, null, null, null, out);
            assertEquals(jackson(decision), out.toString(StandardCharsets.UTF_8));
        }
        for (Decision decision : plainDecisions()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeTo(decision, Decision.class, Decision.class, null, null, null, out);
            assertEquals(jackson(decision), out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLongDecisionGrowsTheBuffer() throws Exception {
        Decision decision = Decision.deny(List.of(new Reason("X", "m".repeat(5000))), "v1", "t".repeat(3000));
        assertEquals(jackson(decision), byHand(decision));
        Decision small = Decision.deny(List.of(ENTITLED), "v1", null);
        assertEquals(jackson(small), byHand(small), "the buffer is emptied for the next");
    }
}
