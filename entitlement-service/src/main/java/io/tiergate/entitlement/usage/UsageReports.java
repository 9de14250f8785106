package io.tiergate.entitlement.usage;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.entitlement.events.Topics;
import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.policy.PolicyStore;
import io.tiergate.entitlement.projection.SubjectProjection;
import io.tiergate.entitlement.projection.SubjectState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateway usage reports. A report is written to the outbox as {@code tiergate.usage.reported} (durable, audited)
 * and counted by every instance when it reads the event back, so that no instance counts it twice.
 */
@ApplicationScoped
public class UsageReports {

    @Inject
    Outbox outbox;

    @Inject
    Topics topics;

    @Inject
    UsageLedger ledger;

    @Inject
    PolicyStore policies;

    @Inject
    SubjectProjection projection;

    @Transactional
    public void report(UsageReport report) {
        // no read waits for a usage report, so it needs no per-subject version
        outbox.appendRecords(
                topics.usage(), List.of(new Outbox.Record(UsageEvents.REPORTED, report.subject(), report)));
    }

    /**
     * Counts reported tokens against the token budgets of the capability, charged as its requests are: for each
     * entitlement, through the tier the subject holds for it ({@link UsageLedger#chargesFor}).
     */
    void apply(UsageReport report, long atMillis, long nowMillis) {
        SubjectState subject = projection.get(report.subject());
        if (report.tokens() == null || report.tokens() == 0 || subject == null) {
            return;
        }
        List<UsageLedger.Charge> charges = new ArrayList<>();
        for (Entitlement entitlement : policies.current().entitlementsOf(report.capability())) {
            String tier = subject.tierAmong(entitlement.tiers()); // the tier the engine would decide by
            List<Budget> tokenBudgets = entitlement.budgets().stream()
                    .filter(b -> b.tokens() != null)
                    .toList();
            if (tier == null || tokenBudgets.isEmpty()) {
                continue; // an entitlement the subject holds no tier for allowed nothing of theirs
            }
            charges.addAll(UsageLedger.chargesFor(tokenBudgets, subject, tier));
        }
        ledger.addTokens(
                report.capability(), charges.stream().distinct().toList(), report.tokens(), atMillis, nowMillis);
    }
}
